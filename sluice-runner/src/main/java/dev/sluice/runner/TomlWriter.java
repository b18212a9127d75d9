package dev.sluice.runner;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** Renders a {@link RunnerConfig} as gitlab-runner lays out {@code config.toml}. */
final class TomlWriter {

    private TomlWriter() {
    }

    static String write(RunnerConfig c) {
        var out = new StringBuilder();
        out.append("concurrent = ").append(c.concurrent()).append('\n');
        out.append("check_interval = ").append(c.checkInterval().toSeconds()).append('\n');
        out.append("shutdown_timeout = ").append(c.shutdownTimeout().toSeconds()).append('\n');
        for (RunnerEntry r : c.runners()) {
            out.append("\n[[runners]]\n");
            key(out, "  ", "name", quote(r.name()));
            key(out, "  ", "url", quote(r.url()));
            key(out, "  ", "id", Long.toString(r.id()));
            key(out, "  ", "token", quote(r.token()));
            r.tokenExpiry().ifPresent(t -> {
                // bare TOML datetimes, as gitlab-runner writes them (it decodes them into time.Time)
                key(out, "  ", "token_obtained_at", t.obtainedAt().toString());
                key(out, "  ", "token_expires_at", t.expiresAt().toString());
            });
            key(out, "  ", "executor", quote(r.executor()));
            key(out, "  ", "limit", Integer.toString(r.limit()));
            key(out, "  ", "request_concurrency", Integer.toString(r.requestConcurrency()));
            key(out, "  ", "output_limit", Integer.toString(r.outputLimitKb()));
            optional(out, "builds_dir", r.buildsDir().map(Path::toString));
            optional(out, "cache_dir", r.cacheDir().map(Path::toString));
            if (!r.environment().isEmpty()) {
                key(out, "  ", "environment", array(r.environment()));
            }
            if (r.unregisterOnShutdown()) {
                key(out, "  ", "unregister_on_shutdown", "true");
            }
            var d = r.docker();
            if (!d.equals(RunnerEntry.DockerSettings.none())) {
                out.append("  [runners.docker]\n");
                d.host().ifPresent(h -> key(out, "    ", "host", quote(h)));
                d.image().ifPresent(i -> key(out, "    ", "image", quote(i)));
                if (!d.pullPolicy().isEmpty()) {
                    key(out, "    ", "pull_policy", array(d.pullPolicy()));
                }
                key(out, "    ", "privileged", Boolean.toString(d.privileged()));
            }
        }
        return out.toString();
    }

    private static void optional(StringBuilder out, String key, Optional<String> value) {
        value.ifPresent(v -> key(out, "  ", key, quote(v)));
    }

    private static void key(StringBuilder out, String indent, String key, String value) {
        out.append(indent).append(key).append(" = ").append(value).append('\n');
    }

    private static String array(List<String> values) {
        return "[" + String.join(", ", values.stream().map(TomlWriter::quote).toList()) + "]";
    }

    /** A TOML basic string. */
    static String quote(String s) {
        var out = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\t' -> out.append("\\t");
                case '\r' -> out.append("\\r");
                default -> {
                    if (ch < 0x20) {
                        out.append(String.format("\\u%04x", (int) ch));
                    } else {
                        out.append(ch);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
