package dev.sluice.cli;

import dev.sluice.config.CompileRequest;
import dev.sluice.config.CompileResult;
import dev.sluice.config.PipelineCompiler;
import dev.sluice.config.yaml.YMap;
import dev.sluice.model.Diagnostic;
import dev.sluice.model.SourcePos;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code sluice config}: the merged configuration (GitLab's "full configuration": includes,
 * {@code !reference}, {@code extends} resolved) as YAML or JSON. Problems go to stderr.
 */
@Command(name = "config",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Print the merged configuration as YAML (default) or JSON.",
            "Merged means after include, extends, !reference and parallel:matrix, as GitLab's \"full",
            "configuration\" view shows it. Diagnostics go to stderr."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:valid; the configuration is printed",
            "1:invalid; diagnostics are printed to stderr, nothing to stdout",
            "2:usage error: unknown option, missing or unreadable file"})
final class ConfigCommand implements Callable<Integer> {

    @Mixin
    ConfigSource source = new ConfigSource();

    @Option(names = "--json", description = "Print JSON instead of YAML.")
    boolean json;

    private final Terminal terminal;

    ConfigCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        CompileRequest request = source.request(terminal.workingDir());
        CompileResult result = new PipelineCompiler().compile(request);
        for (Diagnostic diagnostic : result.diagnostics()) {
            terminal.err().println(diagnostic.format());
        }
        if (!result.valid()) {
            terminal.err().println(Summary.line(request.path(), result));
            return ExitCodes.FAILURE;
        }
        // A valid configuration with no YAML body (an empty file) merges to an empty hash.
        YMap merged = result.merged().orElseGet(() -> YMap.empty(SourcePos.startOf(request.path())));
        if (json) {
            Json.write(terminal.out(), generator -> JsonPrinter.write(generator, merged));
        } else {
            terminal.out().print(YamlPrinter.print(merged));
        }
        return ExitCodes.OK;
    }
}
