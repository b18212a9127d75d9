package dev.sluice.config;

import dev.sluice.config.model.JobDefinition;
import dev.sluice.config.model.PipelineDefinition;
import dev.sluice.model.Diagnostic;
import java.util.List;
import java.util.Map;

/** Compiles a configuration (and optional repository files) and offers what tests look at. */
record CompilerFixture(CompileResult result) {

    static CompilerFixture compile(String yaml) {
        return compile(yaml, Map.of());
    }

    static CompilerFixture compile(String yaml, Map<String, String> files) {
        return new CompilerFixture(new PipelineCompiler().compile(
                CompileRequest.of(".gitlab-ci.yml", yaml).withFiles(new InMemoryFiles(files))));
    }

    PipelineDefinition pipeline() {
        return result.pipeline().orElseThrow(() -> new AssertionError("invalid: " + messages()));
    }

    JobDefinition job(String name) {
        return pipeline().job(name).orElseThrow(() -> new AssertionError("no job " + name + " in "
                + pipeline().jobs().stream().map(JobDefinition::name).toList()));
    }

    List<String> jobNames() {
        return pipeline().jobs().stream().map(JobDefinition::name).toList();
    }

    /** Diagnostics formatted as {@code file:line:col: severity[code]: message}, without related notes. */
    List<String> messages() {
        return result.diagnostics().stream()
                .map(d -> d.pos() + ": " + d.severity().label() + "[" + d.code() + "]: " + d.message()).toList();
    }

    List<String> errors() {
        return result.errors().stream().map(d -> d.pos() + ": " + d.code() + ": " + d.message()).toList();
    }

    List<Diagnostic> diagnostics() {
        return result.diagnostics();
    }
}
