package dev.sluice.model;

import java.util.Objects;

/**
 * One variable as the runner receives it. A job's variables form an ordered list sent from lowest to
 * highest precedence: when a key repeats, the last one wins.
 *
 * @param masked replace the value with {@code [MASKED]} in the job log
 * @param file   write the value to a temporary file and export the file's path under the key
 * @param raw    do not expand {@code $VAR} references in the value
 */
public record JobVariable(String key, String value, boolean masked, boolean file, boolean raw) {

    public JobVariable {
        Objects.requireNonNull(key);
        value = value == null ? "" : value;
    }

    /** A plain variable: not masked, not a file, expanded. */
    public static JobVariable of(String key, String value) {
        return new JobVariable(key, value, false, false, false);
    }

    public JobVariable asMasked() {
        return new JobVariable(key, value, true, file, raw);
    }

    public JobVariable asFile() {
        return new JobVariable(key, value, masked, true, raw);
    }

    public JobVariable asRaw() {
        return new JobVariable(key, value, masked, file, true);
    }

    @Override
    public String toString() {
        return key + "=" + (masked ? "[MASKED]" : value);
    }
}
