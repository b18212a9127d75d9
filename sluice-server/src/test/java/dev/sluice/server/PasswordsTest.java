package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordsTest {

    @Test
    void aHashMatchesOnlyItsPasswordAndIsSaltedEachTime() {
        String hash = Passwords.hash("correct horse");
        assertThat(hash).startsWith("pbkdf2-sha256$600000$").doesNotContain("correct horse");
        assertThat(Passwords.matches("correct horse", hash)).isTrue();
        assertThat(Passwords.matches("correct horsf", hash)).isFalse();
        assertThat(Passwords.hash("correct horse")).as("a fresh salt").isNotEqualTo(hash);
    }

    @Test
    void whatIsNotSuchAHashMatchesNothing() {
        assertThat(Passwords.matches("x", null)).isFalse();
        assertThat(Passwords.matches("x", "")).isFalse();
        assertThat(Passwords.matches("x", "pbkdf2-sha256$abc$!!$!!")).isFalse();
        assertThat(Passwords.matches("x", "bcrypt$1$2$3")).isFalse();
    }

    @Test
    void shortPasswordsAreRefused() {
        assertThat(Passwords.problem("1234567")).contains("minimum is 8");
        assertThat(Passwords.problem("12345678")).isNull();
    }
}
