package dev.sluice.executor;

import dev.sluice.model.JobSpec;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

class TimeoutsTest {

    @Test
    void scriptGetsWhatIsLeftOfTheJobByDefault() {
        var t = Timeouts.of(JobSpec.builder(1, "j").timeout(Duration.ofMinutes(10)).build());
        assertThat(t.forScript(Duration.ofMinutes(9))).isEqualTo(Duration.ofMinutes(9));
        assertThat(t.forAfterScript(Duration.ofMinutes(9))).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void runnerScriptTimeoutLeavesRoomForAfterScript() {
        var t = Timeouts.of(JobSpec.builder(1, "j").timeout(Duration.ofMinutes(10))
                .variable("RUNNER_SCRIPT_TIMEOUT", "2m").variable("RUNNER_AFTER_SCRIPT_TIMEOUT", "30s").build());
        assertThat(t.forScript(Duration.ofMinutes(10))).isEqualTo(Duration.ofMinutes(2));
        assertThat(t.forAfterScript(Duration.ofMinutes(8))).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void afterScriptNeverRunsPastTheJobDeadline() {
        var t = Timeouts.of(JobSpec.builder(1, "j").build());
        assertThat(t.forAfterScript(Duration.ofSeconds(20))).isEqualTo(Duration.ofSeconds(20));
        assertThat(t.forAfterScript(Duration.ZERO)).isZero();
    }

    @Test
    void malformedRunnerTimeoutsAreIgnored() {
        var t = Timeouts.of(JobSpec.builder(1, "j").variable("RUNNER_SCRIPT_TIMEOUT", "soon").build());
        assertThat(t.script()).isEmpty();
    }
}
