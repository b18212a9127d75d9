package dev.sluice.config;

import dev.sluice.config.yaml.YMap;
import dev.sluice.model.Diagnostic;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Compiles a {@code .gitlab-ci.yml} in GitLab's order: load YAML (anchors) → merge includes →
 * resolve {@code extends} → resolve {@code !reference} → validate and normalise, applying
 * {@code default:} and expanding {@code parallel} → check references between jobs. Every problem
 * is collected; nothing is thrown for bad input. Pure: files are read only through the request.
 */
public final class PipelineCompiler {

    public CompileResult compile(CompileRequest request) {
        Diagnostics diagnostics = new Diagnostics();
        IncludeResolver includes = new IncludeResolver(request, diagnostics);
        Optional<YMap> included = includes.resolve();
        if (included.isEmpty()) {
            return new CompileResult(Optional.empty(), Optional.empty(), sorted(request, includes.annotate(diagnostics.all())));
        }
        DefinitionBuilder.Built built = compileMerged(included.get(), request.limits(), diagnostics, true);
        return new CompileResult(built.pipeline(), Optional.of(built.merged()), sorted(request, includes.annotate(diagnostics.all())));
    }

    /** In reading order: the main file first, then included files by name; by line and column within a file. */
    private static List<Diagnostic> sorted(CompileRequest request, List<Diagnostic> all) {
        return all.stream().sorted(Comparator
                .comparing((Diagnostic d) -> !d.pos().file().equals(request.path()))
                .thenComparing(d -> d.pos().file())
                .thenComparingInt(d -> d.pos().line())
                .thenComparingInt(d -> d.pos().column())).toList();
    }

    /**
     * The steps after includes. Without {@code crossReferences} only each entry's own structure is
     * checked, as GitLab's JSON schema does: targets of {@code extends}, {@code !reference},
     * {@code needs}, {@code dependencies} and stage names are not looked up.
     */
    static DefinitionBuilder.Built compileMerged(YMap root, ConfigLimits limits, Diagnostics diagnostics, boolean crossReferences) {
        // GitLab's Config#build_config: includes, then extends, then !reference (so a reference sees
        // what a template inherited).
        YMap extended = new ExtendsResolver(root, Keys.GLOBAL, diagnostics, limits.maxExtendsDepth(), crossReferences).resolve();
        YMap referenced = new ReferenceResolver(extended, diagnostics, limits.maxReferenceDepth(), crossReferences).resolve();
        return new DefinitionBuilder(diagnostics, limits, crossReferences).build(referenced);
    }
}
