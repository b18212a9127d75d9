package dev.sluice.config.model;

import dev.sluice.model.SourcePos;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One entry of {@code include}. {@code kind} is local, project, remote, template or component;
 * {@code locations} has one path or URL, except for {@code project}, which may list several files.
 * {@code inputs} fill the included file's {@code spec:inputs}, as plain data (a YAML null is {@code null}).
 */
public record IncludeEntry(String kind, List<String> locations, Optional<String> project, Optional<String> ref,
                           List<Rule> rules, Map<String, Object> inputs, SourcePos pos) {

    public IncludeEntry {
        locations = List.copyOf(locations);
        rules = List.copyOf(rules);
        inputs = Collections.unmodifiableMap(new LinkedHashMap<>(inputs));
    }
}
