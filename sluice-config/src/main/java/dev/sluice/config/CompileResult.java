package dev.sluice.config;

import dev.sluice.config.model.PipelineDefinition;
import dev.sluice.config.yaml.YMap;
import dev.sluice.model.Diagnostic;
import java.util.List;
import java.util.Optional;

/**
 * The outcome of a compilation: every diagnostic, the merged configuration (after includes,
 * {@code !reference}, {@code extends} and matrix expansion, GitLab's "full configuration") when the
 * YAML could be read, and the pipeline definition when there is no error.
 */
public record CompileResult(Optional<PipelineDefinition> pipeline, Optional<YMap> merged, List<Diagnostic> diagnostics) {

    public CompileResult {
        diagnostics = List.copyOf(diagnostics);
    }

    public boolean valid() {
        return diagnostics.stream().noneMatch(Diagnostic::isError);
    }

    public List<Diagnostic> errors() {
        return diagnostics.stream().filter(Diagnostic::isError).toList();
    }

    public List<Diagnostic> warnings() {
        return diagnostics.stream().filter(d -> !d.isError()).toList();
    }
}
