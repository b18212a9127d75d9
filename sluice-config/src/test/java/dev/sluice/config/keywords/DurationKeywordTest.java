package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class DurationKeywordTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "3600 | 3600",
        "1h 30m | 5400",
        "1h30m | 5400",
        "1 hour 30 minutes | 5400",
        "1 hour and 30 minutes | 5400",
        "2 days | 172800",
        "1 week | 604800",
        "30s | 30",
        "90 seconds | 90",
        "one hour | 3600",
        "hour | 3600",
        "1.5 hours | 5400",
        "1:30:00 | 5400",
        "3 mins 4 sec | 184",
        "1 month | 2592000",
        "1 Year | 31557600",
        "10 MINUTES | 600",
    })
    void humanDurations(String text, long seconds) {
        assertThat(DurationKeyword.parse(text)).contains(Duration.ofSeconds(seconds));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "0", "0 seconds", "soon", "1 fortnight", "an hour", "-5", "never"})
    void notDurations(String text) {
        assertThat(DurationKeyword.parse(text)).isEmpty();
    }

    @Test
    void readWantsAString() {
        assertThat(KeywordFixture.read("jobs:a:timeout", "timeout: 1h", DurationKeyword::read).value)
                .contains(Duration.ofHours(1));
        assertThat(KeywordFixture.read("jobs:a:timeout", "timeout: 3600", DurationKeyword::read).messages())
                .containsExactly("1:10: error[invalid-type]: jobs:a:timeout config should be a duration, found integer");
        assertThat(KeywordFixture.read("jobs:a:timeout", "timeout: 1 eon", DurationKeyword::read).messages())
                .containsExactly("1:10: error[invalid-value]: jobs:a:timeout config should be a duration, found '1 eon'");
    }

    @Test
    void neverWhereAllowed() {
        assertThat(KeywordFixture.read("jobs:a:artifacts:expire_in", "expire_in: never", DurationKeyword::readOrNever).value)
                .contains("never");
        assertThat(KeywordFixture.read("jobs:a:artifacts:expire_in", "expire_in: 1 week", DurationKeyword::readOrNever).value)
                .contains("1 week");
    }
}
