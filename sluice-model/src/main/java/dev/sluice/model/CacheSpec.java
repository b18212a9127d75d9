package dev.sluice.model;

import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * One cache of a job. The key is final: the caller has already expanded variables, hashed
 * {@code key:files} and appended GitLab's suffixes ({@code -protected}/{@code -non_protected}).
 *
 * @param fallbackKeys keys tried in order when {@code key} has no archive yet
 */
public record CacheSpec(String key, List<String> paths, boolean untracked, Policy policy, UploadWhen when,
                        List<String> fallbackKeys) {

    /** {@code cache:policy}: whether the job downloads the cache, uploads it, or both. */
    public enum Policy {
        PULL, PUSH, PULL_PUSH;

        public boolean pulls() {
            return this != PUSH;
        }

        public boolean pushes() {
            return this != PULL;
        }

        public String yaml() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    public CacheSpec {
        key = key == null || key.isEmpty() ? "default" : key;
        paths = List.copyOf(paths);
        policy = Objects.requireNonNullElse(policy, Policy.PULL_PUSH);
        when = Objects.requireNonNullElse(when, UploadWhen.ON_SUCCESS);
        fallbackKeys = List.copyOf(fallbackKeys);
    }

    public static CacheSpec of(String key, String... paths) {
        return new CacheSpec(key, List.of(paths), false, Policy.PULL_PUSH, UploadWhen.ON_SUCCESS, List.of());
    }

    /** Without paths or untracked there is nothing to cache. */
    public boolean isEmpty() {
        return paths.isEmpty() && !untracked;
    }

    public CacheSpec withPolicy(Policy value) {
        return new CacheSpec(key, paths, untracked, value, when, fallbackKeys);
    }

    public CacheSpec withWhen(UploadWhen value) {
        return new CacheSpec(key, paths, untracked, policy, value, fallbackKeys);
    }

    public CacheSpec withFallbackKeys(String... keys) {
        return new CacheSpec(key, paths, untracked, policy, when, List.of(keys));
    }
}
