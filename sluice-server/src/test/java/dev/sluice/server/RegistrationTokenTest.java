package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which registration token a start uses, and a reset's reach: at once here, on other nodes after the refresh. */
class RegistrationTokenTest {

    @TempDir
    Path tmp;
    private final Map<String, String> store = new HashMap<>();
    private final InstanceSettings settings = new InstanceSettings() {
        @Override
        public Optional<String> get(String name) {
            return Optional.ofNullable(store.get(name));
        }

        @Override
        public void put(String name, String value) {
            store.put(name, value);
        }

        @Override
        public String putIfAbsent(String name, String value) {
            return store.computeIfAbsent(name, n -> value);
        }
    };
    private Instant now = Instant.parse("2026-01-01T10:00:00Z");
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    };

    private RegistrationToken open(String configured) {
        return RegistrationToken.open(settings, configured, tmp.resolve("registration-token"), clock);
    }

    @Test
    void theFirstStartGeneratesATokenLaterStartsKeepIt() {
        String first = open(null).current();
        assertThat(first).startsWith("GR1348941").hasSize(9 + 24);
        assertThat(open(" ").current()).isEqualTo(first);
    }

    @Test
    void theTokenAnOlderSluiceKeptInTheDataDirectoryIsTakenOver() throws Exception {
        Files.writeString(tmp.resolve("registration-token"), "GR1348941legacy\n");
        assertThat(open(null).current()).isEqualTo("GR1348941legacy");
        Files.delete(tmp.resolve("registration-token"));
        assertThat(open(null).current()).as("stored now").isEqualTo("GR1348941legacy");
    }

    @Test
    void aConfiguredTokenReplacesAResetOneAndSaysSo() {
        var token = open("configured");
        assertThat(token.notice()).as("nothing was stored before").isEmpty();
        String reset = token.reset();
        assertThat(open(null).current()).isEqualTo(reset);
        var again = open("configured");
        assertThat(again.current()).isEqualTo("configured");
        assertThat(again.notice().orElseThrow()).contains("replaces the stored one");
        assertThat(open(null).current()).isEqualTo("configured");
        assertThat(open("configured").notice()).isEmpty();
    }

    @Test
    void aResetRefusesTheOldTokenAtOnceAndReachesOtherNodesAfterTheRefresh() {
        var here = open("old");
        var there = open("old");
        String fresh = here.reset();
        assertThat(here.accepts("old")).isFalse();
        assertThat(here.accepts(fresh)).isTrue();
        assertThat(here.accepts(null)).isFalse();
        assertThat(there.accepts(fresh)).as("the other node's cache is still fresh").isFalse();

        now = now.plus(RegistrationToken.REFRESH);
        assertThat(there.accepts(fresh)).isTrue();
        assertThat(there.accepts("old")).isFalse();
    }
}
