package dev.sluice.executor;

import java.time.Clock;

/** The runner's own lines in a job log, coloured and sectioned the way GitLab's log viewer expects. */
final class JobLog {

    static final String RED = "\u001b[31;1m";
    static final String YELLOW = "\u001b[0;33m";
    static final String GREEN = "\u001b[32;1m";
    static final String CYAN = "\u001b[36;1m";
    static final String RESET = "\u001b[0;m";
    private static final String CLEAR = "\r\u001b[0K";

    private final TraceSink sink;
    private final Clock clock;

    JobLog(TraceSink sink, Clock clock) {
        this.sink = sink;
        this.clock = clock;
    }

    TraceSink sink() {
        return sink;
    }

    void info(String text) {
        sink.write(text + "\n");
    }

    void notice(String text) {
        sink.write(GREEN + text + RESET + "\n");
    }

    void warning(String text) {
        sink.write(YELLOW + "WARNING: " + text + RESET + "\n");
    }

    void error(String text) {
        sink.write(RED + "ERROR: " + text + RESET + "\n");
    }

    /** Opens a collapsible section: {@code section_start:<unix seconds>:<name>}, then its header. */
    void sectionStart(String name, String header) {
        sink.write("section_start:" + clock.instant().getEpochSecond() + ":" + name + CLEAR + CYAN + header + RESET + "\n");
    }

    void sectionEnd(String name) {
        sink.write("section_end:" + clock.instant().getEpochSecond() + ":" + name + CLEAR);
    }
}
