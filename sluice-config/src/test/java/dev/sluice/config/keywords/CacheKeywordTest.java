package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.Cache;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CacheKeywordTest {

    private static KeywordFixture<List<Cache>> read(String yaml) {
        return KeywordFixture.read("jobs:build:cache", yaml, CacheKeyword::read);
    }

    @Test
    void oneHashWithDefaults() {
        var r = read("cache: {paths: [vendor/]}");
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).containsExactly(new Cache(Optional.empty(), List.of(), Optional.empty(), List.of("vendor/"),
                false, false, "on_success", "pull-push", List.of()));
    }

    @Test
    void theFullForm() {
        var r = read("""
                cache:
                  - key: gems-$CI_COMMIT_REF_SLUG
                    paths: [vendor/ruby]
                    untracked: true
                    unprotect: true
                    when: always
                    policy: $CACHE_POLICY
                    fallback_keys: [gems-main]
                  - key: {files: [Gemfile.lock, package.json], prefix: $CI_JOB_NAME}
                    policy: pull
                  - key: {files_commits: [yarn.lock]}
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).containsExactly(
                new Cache(Optional.of("gems-$CI_COMMIT_REF_SLUG"), List.of(), Optional.empty(), List.of("vendor/ruby"),
                        true, true, "always", "$CACHE_POLICY", List.of("gems-main")),
                new Cache(Optional.empty(), List.of("Gemfile.lock", "package.json"), Optional.of("$CI_JOB_NAME"), List.of(),
                        false, false, "on_success", "pull", List.of()),
                new Cache(Optional.empty(), List.of("yarn.lock"), Optional.empty(), List.of(),
                        false, false, "on_success", "pull-push", List.of()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"random-..string", ".random-string", "random-string.", "$CI_COMMIT_REF_SLUG"})
    void keysWithDotsThatAreNotDirectories(String key) {
        assertThat(read("cache: {key: '" + key + "'}").value).singleElement().extracting(Cache::key).isEqualTo(Optional.of(key));
    }

    @Test
    void keyMessages() {
        assertThat(read("cache: {key: binaries-ca/che}").messages()).containsExactly(
                "1:14: error[invalid-value]: jobs:build:cache:key config cannot contain the \"/\" character");
        assertThat(read("cache: {key: a%2Fb}").messages()).containsExactly(
                "1:14: error[invalid-value]: jobs:build:cache:key config cannot contain the \"/\" character");
        assertThat(read("cache: {key: ..}").messages()).containsExactly(
                "1:14: error[invalid-value]: jobs:build:cache:key config cannot be \".\" or \"..\"");
    }

    @Test
    void atMostFourCaches() {
        assertThat(read("cache: [{}, {}, {}, {}]").value).hasSize(4);
        assertThat(read("cache: [{}, {}, {}, {}, {}]").messages()).containsExactly(
                "1:8: error[too-many]: jobs:build:cache config must contain at most 4 caches, found 5");
        assertThat(read("cache: []").value).isEmpty();
    }

    @Test
    void policyAndWhen() {
        assertThat(read("cache: {policy: pul, when: never}").messages()).containsExactly(
                "1:28: error[invalid-value]: jobs:build:cache:when config should be one of: on_success, on_failure, always",
                "1:17: error[invalid-value]: jobs:build:cache:policy config should be a variable or one of: pull-push,"
                        + " push, pull (did you mean 'pull'?)");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "cache: {key: {files: package.json}}",
        "cache: {key: {files: [f1, f2, f3, f4, f5, f6, f7, f8, f9, f10, f11]}}",
        "cache: {key: {files_commits: [a, b, c]}}",
        "cache: {key: {files: [Gemfile.lock], prefix: [p]}}",
        "cache: {key: {prefix: p}}",
        "cache: {key: .}",
        "cache: {paths: 'binaries/*.apk'}",
        "cache: {untracked: 'true'}",
        "cache: {when: 0}",
        "cache: {when: [always]}",
        "cache: {when: true}",
        "cache: {policy: [push]}",
        "cache: {policy: true}",
        "cache: {policy: unknown}",
        "cache: {fallback_keys: [a, b, c, d, e, f]}",
        "cache: [{when: 0}, {when: never}]",
        "cache: key",
    })
    void invalidFormsAreRejected(String yaml) {
        var r = read(yaml);
        assertThat(r.value).isEmpty();
        assertThat(r.messages()).isNotEmpty().allMatch(m -> m.contains("error["));
    }
}
