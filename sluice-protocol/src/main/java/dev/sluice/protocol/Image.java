package dev.sluice.protocol;

import com.fasterxml.jackson.annotation.JsonAnyGetter;
import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;

/**
 * {@code image} and each of {@code services}. {@code entrypoint: [""]} overrides the entrypoint to nothing;
 * a service's {@code alias} may hold several aliases separated by spaces or commas. {@code executor_opts}
 * lands in {@code extra}.
 */
public record Image(String name, String alias, List<String> entrypoint, List<String> command, List<Port> ports,
                    List<Variable> variables, List<String> pullPolicy, @JsonAnySetter Map<String, JsonNode> extra) {

    /** One of {@code ports}: {@code protocol} is {@code http} or {@code https}. */
    public record Port(Integer number, String protocol, String name) {
    }

    public Image {
        extra = Extra.copy(extra);
    }

    @Override
    @JsonAnyGetter
    public Map<String, JsonNode> extra() {
        return extra;
    }

    /** The aliases, split as gitlab-runner splits them. */
    public List<String> aliases() {
        if (alias == null || alias.isBlank()) {
            return List.of();
        }
        return java.util.Arrays.stream(alias.split("[\\s,]+")).filter(a -> !a.isEmpty()).toList();
    }
}
