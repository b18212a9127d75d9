package dev.sluice.config.keywords;

import dev.sluice.config.model.IncludeEntry;
import dev.sluice.config.model.Rule;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code include}: a string (a local file, or a remote one when it is an http(s) URL), a hash, or an
 * array of both. Hash forms: {@code local}, {@code project} + {@code file} (+ {@code ref}),
 * {@code remote} (+ {@code integrity}), {@code template}, {@code component}; each may have
 * {@code rules} and {@code inputs}. Fetching, and the 150-includes limit, are the caller's.
 */
public final class IncludeKeyword {

    private static final List<String> KINDS = List.of("local", "project", "remote", "template", "component");
    private static final Pattern URL = Pattern.compile("^\\w+://");
    private static final Pattern INTEGRITY = Pattern.compile("^sha256-[A-Za-z0-9+/]{43}=$");

    private IncludeKeyword() {
    }

    /** The entries that are valid, in order. */
    public static List<IncludeEntry> read(YNode node, At at) {
        List<IncludeEntry> out = new ArrayList<>();
        for (YNode item : node instanceof YSeq seq ? seq.items() : List.of(node)) {
            Optional<IncludeEntry> entry = switch (item) {
                case YScalar s when s.isString() -> string(s, at);
                case YMap map -> hash(map, at);
                default -> {
                    at.wrongType(item, "a string, a hash or an array of them");
                    yield Optional.empty();
                }
            };
            entry.ifPresent(out::add);
        }
        return out;
    }

    private static Optional<IncludeEntry> string(YScalar s, At at) {
        String text = s.value();
        boolean remote = text.startsWith("http://") || text.startsWith("https://");
        if (!remote && URL.matcher(text).find()) {
            at.error(s, "invalid-value", at.path() + " '" + text + "' is neither a local file nor an http(s) URL");
            return Optional.empty();
        }
        Optional<String> location = remote
                ? Optional.of(text).filter(url -> TriggerKeyword.remote(url, s, at))
                : ProjectPath.yamlFile(s, at);
        return location.map(l -> new IncludeEntry(remote ? "remote" : "local", List.of(l), Optional.empty(),
                Optional.empty(), List.of(), Map.of(), s.pos()));
    }

    private static Optional<IncludeEntry> hash(YMap map, At at) {
        Optional<String> oneKind = at.exactlyOneOf(map, KINDS);
        if (oneKind.isEmpty()) {
            return Optional.empty();
        }
        String kind = oneKind.get();
        boolean ok = at.onlyKeys(map, switch (kind) {
            case "project" -> List.of("project", "file", "ref", "rules", "inputs");
            case "remote" -> List.of("remote", "integrity", "rules", "inputs");
            default -> List.of(kind, "rules", "inputs");
        });
        At kindAt = at.child(kind);
        YNode value = map.get(kind).orElseThrow();
        Optional<List<String>> locations = switch (kind) {
            case "local", "template" -> ProjectPath.yamlFile(value, kindAt).map(List::of);
            case "remote" -> kindAt.string(value).filter(url -> TriggerKeyword.remote(url, value, kindAt)).map(List::of);
            case "component" -> kindAt.string(value).filter(c -> nonBlank(c, value, kindAt)).map(List::of);
            default -> at.requireKey(map, "file") ? files(map.get("file").orElseThrow(), at.child("file")) : Optional.empty();
        };
        Optional<String> project = kind.equals("project") ? ProjectPath.read(value, kindAt) : Optional.empty();
        Optional<String> ref = map.get("ref").flatMap(at.child("ref")::string);
        map.get("integrity").ifPresent(n -> at.child("integrity").string(n)
                .filter(i -> !INTEGRITY.matcher(i).matches())
                .ifPresent(i -> at.error(n, "invalid-value", at.path() + ":integrity should be sha256- and a base64"
                        + " SHA-256 digest, found '" + i + "'")));
        List<Rule> rules = map.get("rules").map(n -> RulesKeyword.read(n, at.child("rules"), RuleScope.INCLUDE))
                .orElse(List.of());
        Optional<Map<String, Object>> inputs = map.get("inputs").isPresent()
                ? InputValues.read(map.get("inputs").orElseThrow(), at.child("inputs")) : Optional.of(Map.of());
        if (!ok || locations.isEmpty() || inputs.isEmpty() || (kind.equals("project") && project.isEmpty())) {
            return Optional.empty();
        }
        return Optional.of(new IncludeEntry(kind, locations.get(), project, ref, rules, inputs.get(), map.pos()));
    }

    private static Optional<List<String>> files(YNode node, At at) {
        List<YNode> items = node instanceof YSeq seq ? seq.items() : List.of(node);
        List<String> out = new ArrayList<>();
        for (YNode item : items) {
            ProjectPath.yamlFile(item, at).ifPresent(out::add);
        }
        return out.size() == items.size() && !out.isEmpty() ? Optional.of(out) : Optional.empty();
    }

    private static boolean nonBlank(String text, YNode node, At at) {
        if (!text.isBlank()) {
            return true;
        }
        at.error(node, "blank", at.path() + " can't be blank");
        return false;
    }
}
