package dev.sluice.cli;

import java.io.BufferedWriter;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Entry point of the {@code sluice} command: real streams and working directory in, exit code out. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        // UTF-8 whatever the locale: configurations are UTF-8 and so is everything we echo from them.
        PrintWriter out = utf8(FileDescriptor.out, false); // flushed when the command ends: big outputs stay fast
        PrintWriter err = utf8(FileDescriptor.err, true);
        int code = run(args, out, err, Path.of("").toAbsolutePath());
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs one command line against the given streams and directory; tests call this in-process. */
    static int run(String[] args, PrintWriter out, PrintWriter err, Path workingDir) {
        var terminal = new Terminal(out, err, workingDir);
        try {
            String command = java.util.Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
            return SluiceCommand.commandLine(terminal, command).execute(args);
        } catch (Throwable t) { // NOSONAR: the last line of defence, e.g. StackOverflowError while parsing options
            Failures.internal(t, err, args.length > 0 && java.util.Arrays.asList(args).contains("--debug"));
            return ExitCodes.FAILURE;
        } finally {
            out.flush();
            err.flush();
        }
    }

    private static PrintWriter utf8(FileDescriptor fd, boolean autoFlush) {
        return new PrintWriter(new BufferedWriter(new OutputStreamWriter(new FileOutputStream(fd), StandardCharsets.UTF_8)),
                autoFlush);
    }
}
