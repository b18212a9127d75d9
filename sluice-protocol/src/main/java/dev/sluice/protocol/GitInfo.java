package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * {@code git_info}: what to clone and check out.
 *
 * @param refType {@code branch} or {@code tag}
 * @param depth   0 means a full clone; {@code GIT_DEPTH} overrides it
 */
public record GitInfo(String repoUrl, String repoObjectFormat, String ref, String sha, String beforeSha,
                      String refType, List<String> refspecs, Integer depth,
                      @JsonProperty("protected") Boolean protectedRef,
                      @JsonAnySetter Map<String, JsonNode> extra) {

    public GitInfo {
        extra = Extra.copy(extra);
    }

    @Override
    @JsonAnyGetter
    public Map<String, JsonNode> extra() {
        return extra;
    }
}
