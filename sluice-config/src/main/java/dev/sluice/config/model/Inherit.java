package dev.sluice.config.model;

import java.util.List;

/**
 * {@code inherit}: which {@code default:} keys and which global variables a job takes. {@code null}
 * lists never occur: "all" is {@code allDefault}/{@code allVariables}.
 */
public record Inherit(boolean allDefault, List<String> defaultKeys, boolean allVariables, List<String> variables) {

    public static final Inherit ALL = new Inherit(true, List.of(), true, List.of());

    public Inherit {
        defaultKeys = List.copyOf(defaultKeys);
        variables = List.copyOf(variables);
    }

    public boolean inheritsDefault(String key) {
        return allDefault || defaultKeys.contains(key);
    }

    public boolean inheritsVariable(String name) {
        return allVariables || variables.contains(name);
    }
}
