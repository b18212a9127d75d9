package dev.sluice.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** One in-process run of the sluice command: its exit code and everything it printed. */
record CliRun(int exitCode, String out, String err) {

    static CliRun in(Path workingDir, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(args, new PrintWriter(out), new PrintWriter(err), workingDir);
        return new CliRun(code, out.toString(), err.toString());
    }
}
