package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * The job's {@code features}: what the server understands. {@code failureReasons} decides which failure
 * reasons the runner may send as they are ({@link FailureReasons}).
 */
public record JobFeatures(Boolean traceSections, List<String> tokenMaskPrefixes, List<String> failureReasons,
                          @JsonAnySetter Map<String, JsonNode> extra) {

    public JobFeatures {
        extra = Extra.copy(extra);
    }

    @Override
    @JsonAnyGetter
    public Map<String, JsonNode> extra() {
        return extra;
    }
}
