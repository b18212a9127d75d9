package dev.sluice.protocol;

import java.util.List;

/**
 * One entry of {@code steps}. GitLab sends {@code script} ({@code before_script} + {@code script}, one
 * shell session, {@code on_success}, not allowed to fail) and, when defined, {@code after_script}
 * ({@code always}, allowed to fail); both carry the job timeout in seconds.
 */
public record Step(String name, List<String> script, Long timeout, String when, Boolean allowFailure) {

    public static final String SCRIPT = "script";
    public static final String AFTER_SCRIPT = "after_script";
}
