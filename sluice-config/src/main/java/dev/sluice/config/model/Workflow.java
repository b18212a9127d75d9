package dev.sluice.config.model;

import java.util.List;
import java.util.Optional;

/** {@code workflow}: whether a pipeline is created at all ({@code rules}), its name, auto-cancel settings. */
public record Workflow(Optional<String> name, Optional<List<Rule>> rules, AutoCancel autoCancel) {

    public static final Workflow NONE = new Workflow(Optional.empty(), Optional.empty(), AutoCancel.UNSET);
}
