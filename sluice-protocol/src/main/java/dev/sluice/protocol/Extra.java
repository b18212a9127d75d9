package dev.sluice.protocol;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.LinkedHashMap;
import java.util.Map;

/** Unknown JSON keys of a record, in arrival order, so they survive decode and encode. */
final class Extra {

    private Extra() {
    }

    static Map<String, JsonNode> copy(Map<String, JsonNode> extra) {
        return extra == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extra);
    }
}
