package dev.sluice.engine;

import java.util.List;
import java.util.Optional;

/**
 * The pipeline after an event and the commands it causes. {@code ignored} explains an event that
 * changed nothing (e.g. playing a job that is not manual, a late timer), for callers that report it.
 */
public record Transition(Pipeline pipeline, List<Command> commands, Optional<String> ignored) {

    public Transition {
        commands = List.copyOf(commands);
    }

    static Transition ignored(Pipeline pipeline, String why) {
        return new Transition(pipeline, List.of(), Optional.of(why));
    }
}
