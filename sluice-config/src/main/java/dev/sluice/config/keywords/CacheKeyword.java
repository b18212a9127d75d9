package dev.sluice.config.keywords;

import dev.sluice.config.DidYouMean;
import dev.sluice.config.model.Cache;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * {@code cache}: one hash or an array of up to 4. An absent key is left empty (the caller uses
 * {@code default}); {@code when} defaults to on_success and {@code policy} to pull-push.
 */
public final class CacheKeyword {

    static final int MAX_CACHES = 4;
    private static final List<String> KEYS = List.of("key", "untracked", "paths", "when", "policy", "unprotect",
            "fallback_keys");
    private static final List<String> WHEN = List.of("on_success", "on_failure", "always");
    private static final Pattern POLICY = Pattern.compile("pull-push|push|pull|\\$\\w{1,255}");
    private static final int MAX_FALLBACK_KEYS = 5;
    private static final int MAX_KEY_FILES = 10;
    private static final int MAX_KEY_FILES_COMMITS = 2;

    private CacheKeyword() {
    }

    /** The valid caches; an empty array (or null) means no cache, e.g. to drop a default one. */
    public static List<Cache> read(YNode node, At at) {
        if (node.isNull()) {
            return List.of();
        }
        if (node instanceof YMap) {
            return cache(node, at).map(List::of).orElse(List.of());
        }
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, "a hash or an array of hashes");
            return List.of();
        }
        if (seq.size() > MAX_CACHES) {
            at.error(node, "too-many", at.path() + " config must contain at most " + MAX_CACHES + " caches, found " + seq.size());
        }
        List<Cache> out = new ArrayList<>();
        for (YNode item : seq.items()) {
            cache(item, at).ifPresent(out::add);
        }
        return seq.size() > MAX_CACHES ? List.of() : out;
    }

    private static Optional<Cache> cache(YNode node, At at) {
        Optional<YMap> found = at.map(node);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        YMap map = found.get();
        boolean ok = at.onlyKeys(map, KEYS);
        Optional<String> key = Optional.empty();
        List<String> keyFiles = List.of();
        Optional<String> keyPrefix = Optional.empty();
        if (map.get("key").isPresent()) {
            YNode k = map.get("key").get();
            At here = at.child("key");
            if (k instanceof YMap keyMap) {
                Optional<FilesKey> files = filesKey(keyMap, here);
                ok &= files.isPresent();
                keyFiles = files.map(FilesKey::files).orElse(List.of());
                keyPrefix = files.flatMap(FilesKey::prefix);
            } else {
                key = stringKey(k, here);
                ok &= key.isPresent();
            }
        }
        Optional<List<String>> paths = map.get("paths").flatMap(n -> at.child("paths").strings(n));
        Optional<Boolean> untracked = map.get("untracked").flatMap(n -> at.child("untracked").bool(n));
        Optional<Boolean> unprotect = map.get("unprotect").flatMap(n -> at.child("unprotect").bool(n));
        Optional<String> when = map.get("when").flatMap(n -> at.child("when").oneOf(n, WHEN));
        Optional<String> policy = map.get("policy").flatMap(n -> policy(n, at.child("policy")));
        Optional<List<String>> fallbackKeys = map.get("fallback_keys").flatMap(n -> fallbackKeys(n, at.child("fallback_keys")));
        ok &= present(map, "paths", paths) && present(map, "untracked", untracked) && present(map, "unprotect", unprotect)
                && present(map, "when", when) && present(map, "policy", policy) && present(map, "fallback_keys", fallbackKeys);
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new Cache(key, keyFiles, keyPrefix, paths.orElse(List.of()), untracked.orElse(false),
                unprotect.orElse(false), when.orElse("on_success"), policy.orElse("pull-push"),
                fallbackKeys.orElse(List.of())));
    }

    /**
     * A key may not name a directory: GitLab URL-decodes it first, so {@code a%2Fb} is refused like
     * {@code a/b}, and {@code .} or {@code ..} are refused.
     */
    private static Optional<String> stringKey(YNode node, At at) {
        if (!(node instanceof YScalar s && s.isString())) {
            at.wrongType(node, "a string or a hash");
            return Optional.empty();
        }
        String decoded = urlDecode(s.value());
        if (decoded.contains("/")) {
            at.error(node, "invalid-value", at.path() + " config cannot contain the \"/\" character");
            return Optional.empty();
        }
        if (decoded.equals(".") || decoded.equals("..")) {
            at.error(node, "invalid-value", at.path() + " config cannot be \".\" or \"..\"");
            return Optional.empty();
        }
        return Optional.of(s.value());
    }

    private static String urlDecode(String value) {
        try {
            return URLDecoder.decode(value, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            return value; // a stray '%' is kept as is, as Ruby's CGI.unescape does
        }
    }

    private record FilesKey(List<String> files, Optional<String> prefix) {
    }

    /** {@code key: {files: [1..10 paths] | files_commits: [1..2 paths], prefix}}. */
    private static Optional<FilesKey> filesKey(YMap map, At at) {
        boolean ok = at.onlyKeys(map, List.of("files", "files_commits", "prefix"));
        if (map.has("files") == map.has("files_commits")) {
            at.error(map, "missing-key", at.path() + " config must use exactly one of these keys: files, files_commits");
            return Optional.empty();
        }
        String filesKey = map.has("files") ? "files" : "files_commits";
        int max = map.has("files") ? MAX_KEY_FILES : MAX_KEY_FILES_COMMITS;
        At here = at.child(filesKey);
        YNode node = map.get(filesKey).orElseThrow();
        Optional<List<String>> files = here.strings(node);
        if (files.isPresent() && (files.get().isEmpty() || files.get().size() > max)) {
            here.error(node, "out-of-range", here.path() + " config should contain 1 to " + max + " paths, found "
                    + files.get().size());
            files = Optional.empty();
        }
        Optional<String> prefix = map.get("prefix").flatMap(n -> at.child("prefix").string(n));
        ok &= files.isPresent() && present(map, "prefix", prefix);
        return ok ? Optional.of(new FilesKey(files.orElseThrow(), prefix)) : Optional.empty();
    }

    private static Optional<String> policy(YNode node, At at) {
        Optional<String> text = at.string(node);
        if (text.isPresent() && !POLICY.matcher(text.get()).matches()) {
            at.error(node, "invalid-value", at.path() + " config should be a variable or one of: pull-push, push, pull"
                    + DidYouMean.hint(text.get(), List.of("pull-push", "push", "pull")));
            return Optional.empty();
        }
        return text;
    }

    private static Optional<List<String>> fallbackKeys(YNode node, At at) {
        Optional<List<String>> keys = at.strings(node);
        if (keys.isPresent() && keys.get().size() > MAX_FALLBACK_KEYS) {
            at.error(node, "too-many", at.path() + " config has too many entries (maximum " + MAX_FALLBACK_KEYS + ")");
            return Optional.empty();
        }
        return keys;
    }

    private static boolean present(YMap map, String key, Optional<?> read) {
        return map.get(key).isEmpty() || read.isPresent();
    }
}
