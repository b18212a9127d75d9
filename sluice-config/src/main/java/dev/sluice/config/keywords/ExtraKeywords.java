package dev.sluice.config.keywords;

import dev.sluice.config.model.JobDefinition;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;

/**
 * Job keywords Sluice validates but does not run yet. Each reader checks the shape GitLab accepts
 * and returns the value as plain data (maps, lists, strings, booleans, longs) for
 * {@link JobDefinition#extras()}; empty when invalid. The caller warns that the keyword is not run.
 */
public final class ExtraKeywords {

    /** The keywords read here. */
    public static final List<String> NAMES = List.of("release", "pages", "publish", "secrets", "id_tokens", "hooks",
            "identity", "dast_configuration", "manual_confirmation", "run", "inputs");

    private ExtraKeywords() {
    }

    /** Reads one of {@link #NAMES}. */
    public static Optional<Object> read(String keyword, YNode node, At at) {
        return switch (keyword) {
            case "release" -> release(node, at);
            case "pages" -> pages(node, at);
            case "publish", "manual_confirmation" -> checked(node, at, (n, a) -> a.string(n));
            case "secrets" -> checked(node, at, SecretsKeyword::check);
            case "id_tokens" -> idTokens(node, at);
            case "hooks" -> hooks(node, at);
            case "identity" -> checked(node, at, (n, a) -> a.oneOf(n, List.of("google_cloud")));
            case "dast_configuration" -> checked(node, at, (n, a) -> a.map(n).ifPresent(m -> {
                a.onlyKeys(m, List.of("site_profile", "scanner_profile"));
                m.entries().forEach(e -> a.child(e.key()).string(e.value()));
            }));
            case "run" -> checked(node, at, StepsKeyword::check);
            case "inputs" -> checked(node, at, JobInputsKeyword::check);
            default -> throw new IllegalArgumentException("not an extra keyword: " + keyword);
        };
    }

    /** {@code release}: {@code tag_name} and {@code description} required; asset links need a name and a URL. */
    public static Optional<Object> release(YNode node, At at) {
        return checked(node, at, (n, a) -> a.map(n).ifPresent(m -> {
            a.onlyKeys(m, List.of("tag_name", "tag_message", "description", "name", "ref", "milestones", "released_at",
                    "assets"));
            a.requireKey(m, "tag_name");
            a.requireKey(m, "description");
            m.get("tag_name").ifPresent(v -> nonEmpty(v, a.child("tag_name")));
            m.get("description").ifPresent(v -> nonEmpty(v, a.child("description")));
            for (String key : List.of("tag_message", "name", "ref")) {
                m.get(key).ifPresent(v -> a.child(key).alphanumeric(v));
            }
            m.get("milestones").ifPresent(v -> a.child("milestones").strings(v));
            m.get("released_at").ifPresent(v -> releasedAt(v, a.child("released_at")));
            m.get("assets").ifPresent(v -> assets(v, a.child("assets")));
        }));
    }

    /** {@code pages}: a boolean, or {@code {publish, path_prefix, expire_in}}. */
    public static Optional<Object> pages(YNode node, At at) {
        if (node instanceof YScalar s && s.isBoolean()) {
            return Optional.of(s.asBoolean());
        }
        return checked(node, at, (n, a) -> {
            if (!(n instanceof YMap m)) {
                a.wrongType(n, "a boolean value or a hash");
                return;
            }
            a.onlyKeys(m, List.of("publish", "path_prefix", "expire_in"));
            m.entries().forEach(e -> a.child(e.key()).string(e.value()));
        });
    }

    /** {@code id_tokens}: {@code NAME: {aud: string | [strings]}}. */
    public static Optional<Object> idTokens(YNode node, At at) {
        return checked(node, at, (n, a) -> a.map(n).ifPresent(m -> m.entries().forEach(e -> {
            At tokenAt = a.child(e.key());
            tokenAt.map(e.value()).ifPresent(token -> {
                tokenAt.onlyKeys(token, List.of("aud"));
                tokenAt.requireKey(token, "aud");
                token.get("aud").ifPresent(aud -> tokenAt.child("aud").stringOrStrings(aud)
                        .filter(List::isEmpty).ifPresent(empty -> tokenAt.error(aud, "blank", tokenAt.path()
                                + ":aud can't be an empty array")));
            });
        })));
    }

    /** {@code hooks}: {@code {pre_get_sources_script: script}}. */
    public static Optional<Object> hooks(YNode node, At at) {
        return checked(node, at, (n, a) -> a.map(n).ifPresent(m -> {
            a.onlyKeys(m, List.of("pre_get_sources_script"));
            m.get("pre_get_sources_script").ifPresent(s -> script(s, a.child("pre_get_sources_script")));
        }));
    }

    /** Runs {@code check}; the value as plain data if it reported no error. */
    static Optional<Object> checked(YNode node, At at, BiConsumer<YNode, At> check) {
        long before = errors(at);
        check.accept(node, at);
        return errors(at) == before ? Optional.ofNullable(PlainData.of(node)) : Optional.empty();
    }

    private static long errors(At at) {
        return at.diagnostics().all().stream().filter(d -> d.isError()).count();
    }

    /** A script: a string, or an array of strings and arrays of strings (one level, from anchors). */
    static void script(YNode node, At at) {
        if (node instanceof YScalar s && s.isString()) {
            return;
        }
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, "a string or an array of strings");
            return;
        }
        seq.items().forEach(item -> {
            if (item instanceof YSeq) {
                at.strings(item);
            } else {
                at.alphanumeric(item);
            }
        });
    }

    private static void nonEmpty(YNode node, At at) {
        at.alphanumeric(node).filter(String::isEmpty)
                .ifPresent(s -> at.error(node, "blank", at.path() + " can't be blank"));
    }

    private static void releasedAt(YNode node, At at) {
        at.string(node).ifPresent(text -> {
            try {
                OffsetDateTime.parse(text);
            } catch (DateTimeParseException e) {
                at.error(node, "invalid-value", at.path() + " should be an ISO 8601 date and time like"
                        + " 2024-01-31T12:00:00Z, found '" + text + "'");
            }
        });
    }

    private static void assets(YNode node, At at) {
        at.map(node).ifPresent(m -> {
            at.onlyKeys(m, List.of("links"));
            at.requireKey(m, "links");
            At linksAt = at.child("links");
            m.get("links").ifPresent(links -> {
                if (!(links instanceof YSeq seq) || seq.size() == 0) {
                    linksAt.wrongType(links, "a non-empty array of hashes");
                    return;
                }
                seq.items().forEach(item -> linksAt.map(item).ifPresent(link -> {
                    linksAt.onlyKeys(link, List.of("name", "url", "filepath", "link_type"));
                    linksAt.requireKey(link, "name");
                    linksAt.requireKey(link, "url");
                    link.get("name").ifPresent(v -> nonEmpty(v, linksAt.child("name")));
                    link.get("url").ifPresent(v -> nonEmpty(v, linksAt.child("url")));
                    link.get("filepath").ifPresent(v -> linksAt.child("filepath").string(v));
                    link.get("link_type").ifPresent(v -> linksAt.child("link_type")
                            .oneOf(v, List.of("runbook", "package", "image", "other")));
                }));
            });
        });
    }
}
