package dev.sluice.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YReference;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.io.IOException;

/**
 * A YAML tree as JSON: integers and floats as numbers (floats JSON cannot hold, NaN and infinities,
 * as strings), an unresolved {@code !reference [a, b]} as {@code {"!reference": ["a", "b"]}}.
 */
final class JsonPrinter {

    private JsonPrinter() {
    }

    static void write(JsonGenerator json, YNode node) throws IOException {
        switch (node) {
            case YMap map -> {
                json.writeStartObject();
                for (YMap.Entry entry : map.entries()) {
                    json.writeFieldName(entry.key());
                    write(json, entry.value());
                }
                json.writeEndObject();
            }
            case YSeq seq -> {
                json.writeStartArray();
                for (YNode item : seq.items()) {
                    write(json, item);
                }
                json.writeEndArray();
            }
            case YScalar scalar -> scalar(json, scalar);
            case YReference reference -> {
                json.writeStartObject();
                json.writeArrayFieldStart("!reference");
                for (String part : reference.path()) {
                    json.writeString(part);
                }
                json.writeEndArray();
                json.writeEndObject();
            }
        }
    }

    private static void scalar(JsonGenerator json, YScalar scalar) throws IOException {
        switch (scalar.kind()) {
            case STRING -> json.writeString(scalar.value());
            case INTEGER -> json.writeNumber(scalar.value());
            case FLOAT -> {
                if (Character.isDigit(scalar.value().charAt(scalar.value().length() - 1))) {
                    json.writeNumber(scalar.value());
                } else {
                    json.writeString(scalar.value()); // NaN, Infinity, -Infinity
                }
            }
            case BOOLEAN -> json.writeBoolean(scalar.asBoolean());
            case NULL -> json.writeNull();
        }
    }
}
