package dev.sluice.executor;

import java.util.List;

/**
 * Turns a step's command lines into one bash program, the way gitlab-runner's bash shell does, so that
 * executors only run strings.
 *
 * <pre>
 * set -eo pipefail
 * set +o noclobber
 * eval $'echo $\'\\x1b[32;1m$ make\\x1b[0;m\'\nmake\n...'
 * exit 0
 * </pre>
 *
 * The whole body goes through one {@code eval}, so every command shares one shell ({@code before_script}
 * exports reach {@code script}) and {@code errexit} stops at the first failing command with its exit code
 * (a syntax error stops it with 2, after the commands before it ran). The executor gives the shell an
 * empty stdin, which is what gitlab-runner's {@code : | eval} achieves. Each command is echoed in
 * green as {@code $ command} first; a multi-line command shows its first line and
 * {@code # collapsed multi-line command}.
 */
public final class StepScript {

    static final String GREEN = "\u001b[32;1m";
    static final String RESET = "\u001b[0;m";

    private StepScript() {
    }

    public static String bash(List<String> commands) {
        var body = new StringBuilder();
        for (String command : commands) {
            body.append("echo ").append(ansiC(GREEN + "$ " + echoed(command) + RESET)).append('\n');
            body.append(command).append('\n');
        }
        return "set -eo pipefail\nset +o noclobber\neval " + ansiC(body.toString()) + "\nexit 0\n";
    }

    static String echoed(String command) {
        int nl = command.indexOf('\n');
        String trimmed = command.strip();
        if (nl < 0 || trimmed.indexOf('\n') < 0) {
            return trimmed;
        }
        return trimmed.substring(0, trimmed.indexOf('\n')) + " # collapsed multi-line command";
    }

    /** Quotes text as a bash {@code $'...'} string: every byte survives, nothing is expanded. */
    static String ansiC(String text) {
        var out = new StringBuilder(text.length() + 8).append("$'");
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '\\' -> out.append("\\\\");
                case '\'' -> out.append("\\'");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        out.append(String.format("\\x%02x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('\'').toString();
    }
}
