package dev.sluice.cli.run;

import dev.sluice.executor.TraceSink;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The terminal of a local run: one line per job output line behind the job's coloured name
 * ({@code build > make}), a header when a stage starts, the run's own notices. Every job's raw
 * log also goes to its own file. Safe to call from any thread; lines never interleave mid-line.
 */
public final class RunConsole {

    static final String RESET = "\u001b[0m";
    private static final String[] PALETTE = {"36", "35", "33", "32", "34", "96", "95", "93", "92", "94"};
    private static final Pattern SECTION = Pattern.compile("section_(?:start|end):\\d+:[^\\r\\n]*?\\r\\u001b\\[0K");
    private static final Pattern SECTION_END_FIRST = Pattern.compile("section_end:\\d+:[^\\r\\n]*?\\r\\u001b\\[0K");
    private static final Pattern SECTION_START_LAST = Pattern.compile("^(?:section_(?:start|end):\\d+:[^\\r\\n]*?\\r\\u001b\\[0K)*section_start:");
    private static final Pattern ANSI = Pattern.compile("\\u001b\\[[0-9;?]*[A-Za-z]");

    private final PrintWriter out;
    private final boolean color;
    private final Map<String, String> colors = new HashMap<>();
    private int width;

    public RunConsole(PrintWriter out, boolean color) {
        this.out = out;
        this.color = color;
    }

    public boolean color() {
        return color;
    }

    /** Aligns job prefixes to the longest name known so far. */
    public synchronized void reserve(String label) {
        width = Math.max(width, label.length());
    }

    public synchronized void stage(String pipelineLabel, String stage) {
        String text = "── " + (pipelineLabel.isEmpty() ? "" : pipelineLabel + " › ") + "stage " + stage + " ";
        text = text + "─".repeat(Math.max(3, 60 - text.length()));
        out.println(color ? "\u001b[1m" + text + RESET : text);
        out.flush();
    }

    public synchronized void notice(String text) {
        out.println(text);
        out.flush();
    }

    public synchronized void line(String text) {
        out.println(color ? text : ANSI.matcher(text).replaceAll(""));
        out.flush();
    }

    String bold(String text) {
        return color ? "\u001b[1m" + text + RESET : text;
    }

    String paint(String code, String text) {
        return color ? "\u001b[" + code + "m" + text + RESET : text;
    }

    /** A job's sink: raw bytes to {@code logFile}, cleaned lines to the terminal behind {@code label}. */
    public TraceSink jobSink(String label, Path logFile) throws IOException {
        reserve(label);
        Files.createDirectories(logFile.getParent());
        OutputStream log = Files.newOutputStream(logFile);
        String code;
        synchronized (this) {
            code = colors.computeIfAbsent(label, l -> PALETTE[colors.size() % PALETTE.length]);
        }
        return new JobLines(label, code, log);
    }

    private synchronized void jobLine(String label, String code, String raw) {
        boolean hadMarkers = raw.contains("section_");
        String line = SECTION.matcher(raw).replaceAll("");
        printJobLine(label, code, line, hadMarkers);
    }

    private synchronized void printJobLine(String label, String code, String cleaned, boolean hadMarkers) {
        String line = cleaned;
        if (line.endsWith("\r")) {
            line = line.substring(0, line.length() - 1);
        }
        if (!color) {
            line = ANSI.matcher(line).replaceAll("");
        }
        if (hadMarkers && line.isBlank()) {
            return;
        }
        String name = label + " ".repeat(Math.max(0, width - label.length()));
        out.println((color ? "\u001b[" + code + "m" + name + RESET : name) + " > " + line);
        out.flush();
    }

    private final class JobLines implements TraceSink {
        private final String label;
        private final String code;
        private final OutputStream log;
        private final ByteArrayOutputStream pending = new ByteArrayOutputStream();
        private String heldHeader;
        private boolean closed;

        JobLines(String label, String code, OutputStream log) {
            this.label = label;
            this.code = code;
            this.log = log;
        }

        @Override
        public synchronized void write(byte[] bytes, int offset, int length) {
            try {
                log.write(bytes, offset, length);
                log.flush();
            } catch (IOException e) {
                // the log file is a copy; the terminal still gets the line
            }
            for (int i = offset; i < offset + length; i++) {
                if (bytes[i] == '\n') {
                    line(pending.toString(StandardCharsets.UTF_8));
                    pending.reset();
                } else {
                    pending.write(bytes[i]);
                }
            }
        }

        /**
         * A section's header waits for the section's first line: a section that ends without
         * output (no cache to restore, no artifacts to download) shows nothing on the terminal.
         */
        private void line(String raw) {
            String rest = raw;
            if (heldHeader != null) {
                Matcher end = SECTION_END_FIRST.matcher(rest);
                if (end.lookingAt()) {
                    rest = rest.substring(end.end());
                } else {
                    jobLine(label, code, heldHeader);
                }
                heldHeader = null;
            }
            if (SECTION_START_LAST.matcher(rest).find()) {
                heldHeader = rest;
                return;
            }
            jobLine(label, code, rest);
        }

        @Override
        public synchronized void close() {
            if (closed) {
                return;
            }
            closed = true;
            if (pending.size() > 0) {
                line(pending.toString(StandardCharsets.UTF_8));
                pending.reset();
            }
            try {
                log.close();
            } catch (IOException e) {
                // nothing left to do
            }
        }
    }
}
