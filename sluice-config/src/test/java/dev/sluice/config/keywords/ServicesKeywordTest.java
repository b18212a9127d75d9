package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.Service;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ServicesKeywordTest {

    private static KeywordFixture<List<Service>> read(String yaml) {
        return KeywordFixture.read("jobs:build:services", yaml, ServicesKeyword::read);
    }

    @Test
    void namesAndObjects() {
        var r = read("""
                services:
                  - php:7
                  - name: my-postgres:11.7
                    alias: db,postgres
                    entrypoint: [/usr/local/bin/db-postgres]
                    command: [start]
                    variables: {PORT: 5432}
                    pull_policy: if-not-present
                    kubernetes: {user: 1001:1001}
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).containsExactly(Service.named("php:7"),
                new Service("my-postgres:11.7", Optional.of("db,postgres"), Optional.of(List.of("/usr/local/bin/db-postgres")),
                        Optional.of(List.of("start")), Map.of("PORT", "5432"), List.of("if-not-present")));
    }

    @Test
    void anInvalidEntryIsReportedAndLeftOut() {
        var r = read("""
                services:
                  - redis
                  - alias: db
                    command: []
                  - 5
                """);
        assertThat(r.value).containsExactly(Service.named("redis"));
        assertThat(r.messages()).containsExactly(
                "3:5: error[missing-key]: jobs:build:services config missing required key 'name'",
                "4:14: error[invalid-value]: jobs:build:services:command config should contain at least one item",
                "5:5: error[invalid-type]: jobs:build:services config should be a hash or a string, found integer");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "services:",
        "services: [{name: x, entrypoint: /bin/db}]",
        "services: [{name: x, entrypoint: []}]",
        "services: [{name: x, pull_policy: []}]",
        "services: [{name: x, docker: {unknown_key: test}}]",
        "services: [{name: x, docker: {platform: [arm64]}}]",
        "services: [{name: x, docker: {user: [dave]}}]",
        "services: [{name: x, docker: {user: ''}}]",
        "services: [{name: x, kubernetes: {unknown_key: test}}]",
        "services: [{name: x, kubernetes: {user: [dave]}}]",
        "services: [{name: x, kubernetes: {user: ''}}]",
        "services: [{name: x, variables: {A: true}}]",
    })
    void schemaCorpusNegativesAreRejected(String yaml) {
        var r = read(yaml);
        assertThat(r.value).isEmpty();
        assertThat(r.messages()).isNotEmpty().allMatch(m -> m.contains("error["));
    }
}
