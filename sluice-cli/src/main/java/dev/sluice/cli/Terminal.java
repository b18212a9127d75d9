package dev.sluice.cli;

import java.io.PrintWriter;
import java.nio.file.Path;

/** What a command may touch of the process it runs in: its output streams and working directory. */
record Terminal(PrintWriter out, PrintWriter err, Path workingDir) {
}
