package dev.sluice.server;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.sluice.engine.plan.TriggerContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything a pipeline was planned from besides the repository at its sha: its trigger context (every
 * field, whatever the source) and its creation time. Re-planning with the same record gives the same
 * jobs with the same engine ids, which is what lets a restart rebuild a pipeline from its events.
 * Stored as JSON, written field by field so that renaming a Java field cannot silently change it.
 */
record TriggerRecord(TriggerContext trigger, Instant createdAt) {

    private static final ObjectMapper JSON = new ObjectMapper();

    String encode() {
        ObjectNode o = JSON.createObjectNode();
        o.put("created_at", createdAt.toString());
        o.put("ref", trigger.ref());
        o.put("tag", trigger.tag());
        o.put("sha", trigger.sha());
        o.put("before_sha", trigger.beforeSha());
        o.put("source", trigger.source());
        trigger.changedPaths().ifPresent(paths -> paths.forEach(o.putArray("changed_paths")::add));
        ObjectNode variables = o.putObject("variables");
        trigger.variables().forEach(variables::put);
        o.put("protected", trigger.protectedRef());
        trigger.mergeRequest().ifPresent(mr -> {
            ObjectNode m = o.putObject("merge_request");
            m.put("id", mr.id());
            m.put("iid", mr.iid());
            m.put("title", mr.title());
            m.put("source_branch", mr.sourceBranch());
            m.put("target_branch", mr.targetBranch());
            m.put("diff_base_sha", mr.diffBaseSha());
            mr.labels().forEach(m.putArray("labels")::add);
        });
        return o.toString();
    }

    static TriggerRecord decode(String text) {
        JsonNode o;
        try {
            o = JSON.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("unreadable trigger record: " + e.getOriginalMessage(), e);
        }
        Map<String, String> variables = new LinkedHashMap<>();
        o.path("variables").properties().forEach(e -> variables.put(e.getKey(), e.getValue().asText()));
        Optional<TriggerContext.MergeRequest> mergeRequest = Optional.ofNullable(o.get("merge_request")).map(m ->
                new TriggerContext.MergeRequest(m.get("id").asLong(), m.get("iid").asLong(), m.get("title").asText(),
                        m.get("source_branch").asText(), m.get("target_branch").asText(), m.get("diff_base_sha").asText(),
                        strings(m.path("labels"))));
        var trigger = new TriggerContext(o.get("ref").asText(), o.get("tag").asBoolean(), o.get("sha").asText(),
                o.get("before_sha").asText(), o.get("source").asText(),
                Optional.ofNullable(o.get("changed_paths")).map(TriggerRecord::strings), variables,
                o.get("protected").asBoolean(), mergeRequest);
        return new TriggerRecord(trigger, Instant.parse(o.get("created_at").asText()));
    }

    private static List<String> strings(JsonNode array) {
        List<String> out = new ArrayList<>();
        array.forEach(n -> out.add(n.asText()));
        return out;
    }
}
