package dev.sluice.executor.docker;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServiceAliasesTest {

    @Test
    void plainImageGivesItsName() {
        assertThat(ServiceAliases.of("mysql:5.6", List.of())).containsExactly("mysql");
        assertThat(ServiceAliases.of("redis", List.of())).containsExactly("redis");
    }

    @Test
    void slashesBecomeDoubleUnderscoreThenDash() {
        // GitLab's example: tutum/wordpress -> tutum__wordpress and tutum-wordpress
        assertThat(ServiceAliases.of("tutum/wordpress:latest", List.of())).containsExactly("tutum__wordpress", "tutum-wordpress");
    }

    @Test
    void registryPortAndDigestAreNotTags() {
        assertThat(ServiceAliases.of("registry.example.com:5000/group/db:1@sha256:abc", List.of()))
                .containsExactly("registry.example.com:5000__group__db", "registry.example.com:5000-group-db");
    }

    @Test
    void explicitAliasesComeOnTopSplitBySpacesOrCommas() {
        assertThat(ServiceAliases.of("postgres:15", List.of("db", "primary, pg"))).containsExactly("postgres", "db", "primary", "pg");
    }
}
