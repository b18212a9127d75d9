package dev.sluice.executor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class LogSinksTest {

    @Test
    void limitCutsTheLogAndSaysSoOnce() {
        var capture = new TraceCapture();
        var sink = new LimitedSink(capture, 10);
        sink.write("12345678");
        sink.write("abcdef");
        sink.write("more");
        assertThat(sink.exceeded()).isTrue();
        assertThat(capture.plainText()).isEqualTo("12345678ab\nJob's log exceeded limit of 10 bytes.\n"
                + "Job execution will continue but no more output will be collected.\n");
    }

    @Test
    void underTheLimitNothingChanges() {
        var capture = new TraceCapture();
        var sink = new LimitedSink(capture, 100);
        sink.write("short\n");
        assertThat(sink.exceeded()).isFalse();
        assertThat(capture.text()).isEqualTo("short\n");
    }

    @Test
    void prefixStartsEveryLineAcrossChunks() {
        var capture = new TraceCapture();
        var sink = new LinePrefixSink("[build] ", capture);
        sink.write("one\ntw");
        sink.write("o\n\nthree");
        assertThat(capture.text()).isEqualTo("[build] one\n[build] two\n[build] \n[build] three");
    }
}
