package dev.sluice.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

/** The sluice command run in this JVM, for tests in other packages: exit code and what it printed. */
public record InProcessSluice(int exitCode, String out, String err) {

    public static InProcessSluice run(Path workingDir, java.util.List<String> args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Main.run(args.toArray(String[]::new), new PrintWriter(out), new PrintWriter(err), workingDir);
        return new InProcessSluice(code, out.toString(), err.toString());
    }
}
