package dev.sluice.cli;

import dev.sluice.config.CompileRequest;
import dev.sluice.config.CompileResult;
import dev.sluice.config.PipelineCompiler;
import dev.sluice.model.Diagnostic;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code sluice lint}: compile a configuration and report every problem with its position. */
@Command(name = "lint",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Check a pipeline configuration for every problem GitLab would report.",
            "Prints each as FILE:LINE:COLUMN: error[CODE]: MESSAGE, then a summary line."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:valid (warnings allowed)",
            "1:invalid: at least one error",
            "2:usage error: unknown option, missing or unreadable file"})
final class LintCommand implements Callable<Integer> {

    @Mixin
    ConfigSource source = new ConfigSource();

    @Option(names = "--json", description = "Print the result as JSON: {file, valid, errors: [...], warnings: [...]}.")
    boolean json;

    private final Terminal terminal;

    LintCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        CompileRequest request = source.request(terminal.workingDir());
        CompileResult result = new PipelineCompiler().compile(request);
        if (json) {
            Json.write(terminal.out(), generator -> LintReport.write(generator, request.path(), result));
        } else {
            for (Diagnostic diagnostic : result.diagnostics()) {
                terminal.out().println(diagnostic.format());
            }
            terminal.out().println(Summary.line(request.path(), result));
        }
        return result.valid() ? ExitCodes.OK : ExitCodes.FAILURE;
    }
}
