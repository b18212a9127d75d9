package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class TokensTest {

    @Test
    void aJobsTokenNamesItsJobAndIsStillSecret() {
        String token = Tokens.forJob(4711);

        assertThat(token).matches("glcbt-4711_[A-Za-z0-9_]{24}");
        assertThat(Tokens.jobOf(token)).isEqualTo(OptionalLong.of(4711));
        assertThat(Tokens.forJob(4711)).as("random part").isNotEqualTo(token);
        assertThat(Tokens.hash(token)).hasSize(64).isNotEqualTo(Tokens.hash(Tokens.forJob(4711)));
    }

    @Test
    void textThatIsNotAJobTokenNamesNoJob() {
        for (String text : new String[] {null, "", "glcbt-", "glcbt-_abc", "glcbt-12", "glcbt-1x_abc", "glcbt--1_abc",
            "glrt-12_abc", "glcbt-99999999999999999999_abc", "glcbt-abcdefghijklmnopqrstuvwx"}) {
            assertThat(Tokens.jobOf(text)).as(text).isEmpty();
        }
        assertThat(Tokens.jobOf("glcbt-0012_x")).isEqualTo(OptionalLong.of(12));
    }
}
