package dev.sluice.config.model;

import java.util.Optional;

/** {@code environment}: a name, or the object form. {@code action} defaults to start. */
public record Environment(String name, Optional<String> url, Optional<String> onStop, String action,
                          Optional<String> autoStopIn, Optional<String> deploymentTier,
                          Optional<String> kubernetesNamespace) {

    public static Environment named(String name) {
        return new Environment(name, Optional.empty(), Optional.empty(), "start", Optional.empty(),
                Optional.empty(), Optional.empty());
    }
}
