package dev.sluice.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogSlicesTest {

    @TempDir
    Path tmp;

    @Test
    void aBigLogGivesOnlyItsTailStartingAtALineWithItsTrueNumber() throws Exception {
        Path file = tmp.resolve("big.log");
        var text = new StringBuilder();
        for (int i = 1; i <= 200_000; i++) {
            text.append("line number ").append(i).append('\n');
        }
        Files.writeString(file, text);
        var tail = LogSlices.tail(file, true);
        assertThat(tail.end() - tail.start()).isLessThanOrEqualTo(LogSlices.TAIL_BYTES);
        assertThat(tail.lines()).isEqualTo(LogSlices.TAIL_LINES);
        assertThat(tail.end()).isEqualTo(Files.size(file));
        String firstLine = tail.text().substring(0, tail.text().indexOf('\n'));
        assertThat(firstLine).isEqualTo("line number " + tail.firstLine());

        var earlier = LogSlices.before(file, tail.start());
        assertThat(earlier.end()).isEqualTo(tail.start());
        assertThat(earlier.text()).startsWith("line number " + earlier.firstLine() + "\n").endsWith("line number " + (tail.firstLine() - 1) + "\n");
    }

    @Test
    void longLinesAreCutByBytesNotLines() throws Exception {
        Path file = tmp.resolve("wide.log");
        String line = "x".repeat(999) + "\n";
        Files.writeString(file, line.repeat(3000));
        var tail = LogSlices.tail(file, true);
        assertThat(tail.lines()).isEqualTo(LogSlices.TAIL_BYTES / 1000);
        assertThat(tail.firstLine()).isEqualTo(3000 - tail.lines() + 1);
    }

    @Test
    void aRunningLogStopsAtItsLastWholeLineAndContinuesFromThere() throws Exception {
        Path file = tmp.resolve("live.log");
        Files.writeString(file, "one\ntwo\nthr");
        var tail = LogSlices.tail(file, false);
        assertThat(tail.text()).isEqualTo("one\ntwo\n");
        Files.writeString(file, "one\ntwo\nthree\nfo");
        var next = LogSlices.after(file, tail.end(), 3, 1 << 20, false);
        assertThat(next.text()).isEqualTo("three\n");
        assertThat(LogSlices.after(file, next.end(), 4, 1 << 20, true).text()).isEqualTo("fo");
    }

    @Test
    void aMissingLogIsEmpty() {
        var tail = LogSlices.tail(tmp.resolve("none.log"), false);
        assertThat(tail.text()).isEmpty();
        assertThat(tail.firstLine()).isEqualTo(1);
    }
}
