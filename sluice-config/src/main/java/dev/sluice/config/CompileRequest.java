package dev.sluice.config;

import java.util.Map;

/**
 * What to compile: the main file's path (as shown in diagnostics) and text, the repository it lives
 * in, a resolver for external includes, and the variables known before the pipeline exists
 * (predefined project/ref variables and pipeline variables) for {@code include:rules}.
 */
public record CompileRequest(String path, String text, RepositoryFiles files, ExternalIncludes external,
                             Map<String, String> variables, ConfigLimits limits) {

    public CompileRequest {
        variables = Map.copyOf(variables);
    }

    public static CompileRequest of(String path, String text) {
        return new CompileRequest(path, text, RepositoryFiles.NONE, ExternalIncludes.NONE, Map.of(), ConfigLimits.GITLAB);
    }

    public CompileRequest withFiles(RepositoryFiles repositoryFiles) {
        return new CompileRequest(path, text, repositoryFiles, external, variables, limits);
    }

    public CompileRequest withVariables(Map<String, String> vars) {
        return new CompileRequest(path, text, files, external, vars, limits);
    }

    public CompileRequest withLimits(ConfigLimits configLimits) {
        return new CompileRequest(path, text, files, external, variables, configLimits);
    }
}
