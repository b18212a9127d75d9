package dev.sluice.executor;

import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class GoDurationTest {

    @Test
    void parsesGoDurations() {
        assertThat(GoDuration.parse("1h30m")).contains(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("90s")).contains(Duration.ofSeconds(90));
        assertThat(GoDuration.parse("1.5h")).contains(Duration.ofMinutes(90));
        assertThat(GoDuration.parse("250ms")).contains(Duration.ofMillis(250));
        assertThat(GoDuration.parse("0")).contains(Duration.ZERO);
    }

    @Test
    void rejectsMalformedText() {
        assertThat(GoDuration.parse("10")).isEmpty();
        assertThat(GoDuration.parse("ten minutes")).isEmpty();
        assertThat(GoDuration.parse("5m junk")).isEmpty();
        assertThat(GoDuration.parse("")).isEmpty();
    }

    @Test
    void formatsLikeGo() {
        assertThat(GoDuration.format(Duration.ofHours(1))).isEqualTo("1h0m0s");
        assertThat(GoDuration.format(Duration.ofMinutes(5))).isEqualTo("5m0s");
        assertThat(GoDuration.format(Duration.ofSeconds(42))).isEqualTo("42s");
        assertThat(GoDuration.format(Duration.ofMillis(300))).isEqualTo("0s");
    }
}
