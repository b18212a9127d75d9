package dev.sluice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code sluice bench}: in-process benchmarks that print a table next to a baseline (see docs/benchmarks.md). */
@Command(name = "bench",
        hidden = true,
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        synopsisSubcommandLabel = "BENCHMARK",
        description = "Measure Sluice against a baseline measured in the same run.")
final class BenchCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        throw new ParameterException(spec.commandLine(), "missing a benchmark (compile)");
    }
}
