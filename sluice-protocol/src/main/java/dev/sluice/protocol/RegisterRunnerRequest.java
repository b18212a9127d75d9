package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.Map;

/**
 * {@code POST /api/v4/runners}: the legacy registration with a registration token. {@code tagList} is one
 * comma-separated string, as gitlab-runner sends it; the deprecated {@code active} and
 * {@code maintainer_note} arrive in {@code extra}.
 *
 * @param maximumTimeout seconds; {@code null} when not set (the runner omits 0)
 */
public record RegisterRunnerRequest(String token, String description, String maintenanceNote, String tagList,
                                    Boolean runUntagged, Boolean locked, String accessLevel, Integer maximumTimeout,
                                    Boolean paused, VersionInfo info, @JsonAnySetter Map<String, JsonNode> extra) {

    public RegisterRunnerRequest {
        extra = Extra.copy(extra);
    }

    @Override
    @JsonAnyGetter
    public Map<String, JsonNode> extra() {
        return extra;
    }

    /** The tags as a list: GitLab coerces the comma-separated string to an array, dropping blanks. */
    public java.util.List<String> tags() {
        if (tagList == null || tagList.isBlank()) {
            return java.util.List.of();
        }
        return java.util.Arrays.stream(tagList.split(",")).map(String::strip).filter(t -> !t.isEmpty()).toList();
    }
}
