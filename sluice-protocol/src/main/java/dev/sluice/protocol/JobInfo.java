package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/** {@code job_info}: names and ids for logs and build directories; the many counters land in {@code extra}. */
public record JobInfo(String name, String stage, Long projectId, String projectName, String projectFullPath,
                      Long pipelineId, @JsonAnySetter Map<String, JsonNode> extra) {

    public JobInfo {
        extra = Extra.copy(extra);
    }

    @Override
    @JsonAnyGetter
    public Map<String, JsonNode> extra() {
        return extra;
    }
}
