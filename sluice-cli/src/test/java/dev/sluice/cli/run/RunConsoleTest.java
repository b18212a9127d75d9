package dev.sluice.cli.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.executor.TraceSink;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunConsoleTest {

    private static final String CLEAR = "\r\u001b[0K";

    @TempDir
    Path logs;

    @Test
    void prefixesLinesHidesEmptySectionsAndKeepsTheRawLog() throws Exception {
        var out = new StringWriter();
        var console = new RunConsole(new PrintWriter(out), false);
        console.reserve("build-long");
        TraceSink sink = console.jobSink("build", logs.resolve("build.log"));

        sink.write("section_start:1:restore_cache" + CLEAR + "\u001b[36;1mRestoring cache\u001b[0;m\n");
        sink.write("section_end:1:restore_cache" + CLEAR + "section_start:1:step_script" + CLEAR + "\u001b[36;1mExecuting\u001b[0;m\n");
        sink.write("\u001b[32;1m$ make\u001b[0;m\nmak");
        sink.write("ing\nsection_end:1:step_script" + CLEAR + "\u001b[32;1mJob succeeded\u001b[0;m\npartial");
        sink.close();

        assertThat(out.toString().lines().toList()).containsExactly(
                "build      > Executing",
                "build      > $ make",
                "build      > making",
                "build      > Job succeeded",
                "build      > partial");
        assertThat(logs.resolve("build.log")).content().contains("section_start:1:restore_cache").contains("\u001b[32;1m$ make");
    }

    @Test
    void coloursTheNameWhenAsked() throws Exception {
        var out = new StringWriter();
        var console = new RunConsole(new PrintWriter(out), true);
        TraceSink sink = console.jobSink("test", logs.resolve("test.log"));
        sink.write("hello\n");
        sink.close();
        assertThat(out.toString()).startsWith("\u001b[36mtest\u001b[0m > hello");
    }
}
