package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;

import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The runner API's JSON: snake_case keys, absent fields left out (a {@code null} component is "not sent"),
 * unknown keys kept in the records' {@code extra} maps where runners and servers add fields over time.
 */
public final class ProtocolJson {

    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
            .serializationInclusion(JsonInclude.Include.NON_NULL)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private ProtocolJson() {
    }

    public static byte[] encode(Object value) {
        try {
            return MAPPER.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static String encodeToString(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Decodes a body; a body that is not the expected JSON is a {@link ProtocolException}, never a half record. */
    public static <T> T decode(byte[] body, Class<T> type) throws ProtocolException {
        try {
            T value = MAPPER.readValue(body, type);
            if (value == null) {
                throw new ProtocolException("expected a JSON object for " + type.getSimpleName() + ", got null");
            }
            return value;
        } catch (IOException e) {
            throw new ProtocolException("malformed " + type.getSimpleName() + " JSON: " + message(e), e);
        }
    }

    private static String message(IOException e) {
        return e instanceof JsonProcessingException j ? j.getOriginalMessage() : String.valueOf(e.getMessage());
    }

    public static <T> T decode(String body, Class<T> type) throws ProtocolException {
        return decode(body.getBytes(java.nio.charset.StandardCharsets.UTF_8), type);
    }

    public static JsonNode tree(String json) throws ProtocolException {
        try {
            return MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            throw new ProtocolException("malformed JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static JsonNode tree(Object value) {
        return MAPPER.valueToTree(value);
    }
}
