package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * {@code POST /api/v4/jobs/request}. {@code lastUpdate} is the last {@code X-GitLab-Last-Update} the runner
 * saw, omitted on the first call; {@code session} (web terminal) and {@code job_age} arrive in {@code extra}.
 */
public record JobRequest(String token, String systemId, String lastUpdate, VersionInfo info,
                         @JsonAnySetter Map<String, JsonNode> extra) {

    public JobRequest {
        extra = Extra.copy(extra);
    }

    @Override
    @JsonAnyGetter
    public Map<String, JsonNode> extra() {
        return extra;
    }
}
