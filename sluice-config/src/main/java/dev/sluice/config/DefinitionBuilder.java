package dev.sluice.config;

import dev.sluice.config.keywords.At;
import dev.sluice.config.keywords.IncludeKeyword;
import dev.sluice.config.keywords.InheritKeyword;
import dev.sluice.config.keywords.SpecKeyword;
import dev.sluice.config.keywords.ParallelKeyword;
import dev.sluice.config.keywords.StagesKeyword;
import dev.sluice.config.keywords.VariablesKeyword;
import dev.sluice.config.keywords.WorkflowKeyword;
import dev.sluice.config.model.Inherit;
import dev.sluice.config.model.JobDefinition;
import dev.sluice.config.model.Parallel;
import dev.sluice.config.model.PipelineDefinition;
import dev.sluice.config.model.Variable;
import dev.sluice.config.model.Workflow;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.model.Diagnostic;
import dev.sluice.model.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.TreeSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Turns the merged configuration (includes, {@code !reference} and {@code extends} done) into a
 * {@link PipelineDefinition}: global keys, {@code default:} with {@code inherit}, each job, and
 * {@code parallel} expansion; then hands the jobs to {@link JobGraphChecks}.
 */
final class DefinitionBuilder {

    /** The definition (absent when the configuration has errors) and the expanded "full configuration" view. */
    record Built(Optional<PipelineDefinition> pipeline, YMap merged) {
    }

    private final Diagnostics diagnostics;
    private final ConfigLimits limits;
    private final boolean crossReferences;
    private JobReader reader;

    DefinitionBuilder(Diagnostics diagnostics, ConfigLimits limits, boolean crossReferences) {
        this.diagnostics = diagnostics;
        this.limits = limits;
        this.crossReferences = crossReferences;
    }

    Built build(YMap root) {
        At top = new At("", diagnostics);
        List<String> stages = stages(root, top);
        List<Variable> variables = JobReader.opt(root, "variables", top, (n, a) -> VariablesKeyword.read(n, a, true))
                .orElse(List.of());
        Workflow workflow = JobReader.opt(root, "workflow", top, WorkflowKeyword::read).orElse(Workflow.NONE);
        YMap defaults = defaults(root, top);
        // Present only when includes were not fetched (structure-only checks); otherwise merged away.
        JobReader.opt(root, "include", top, IncludeKeyword::read);
        JobReader.opt(root, "spec", top, (n, a) -> {
            SpecKeyword.read(n, a);
            return null;
        });
        reader = new JobReader(diagnostics, workflow.rules().isPresent(), crossReferences);
        List<JobDefinition> jobs = new ArrayList<>();
        Map<String, YMap> jobMaps = new LinkedHashMap<>();
        Map<String, YMap.Entry> mergedView = new LinkedHashMap<>();
        Map<String, TreeSet<Integer>> keyLines = keyLines(root);
        for (YMap.Entry entry : root.entries()) {
            String name = entry.key();
            if (Keys.GLOBAL.contains(name) || name.startsWith(".") || !checkJob(entry)) {
                mergedView.put(name, entry);
                continue;
            }
            YMap job = withoutNulls((YMap) entry.value());
            jobMaps.put(name, job);
            diagnostics.within(new Diagnostic.Related(entry.keyPos(), "in job '" + name + "'"), span(keyLines, entry.keyPos()), () -> {
                List<JobDefinition> made = job(name, entry, job, defaults, mergedView);
                jobs.addAll(made);
            });
        }
        if (jobs.isEmpty() && !diagnostics.hasErrors() && crossReferences) {
            diagnostics.error(root.pos(), "jobs", "no-visible-job", "jobs config should contain at least one visible job");
        }
        if (jobs.size() > limits.maxJobs()) {
            diagnostics.error(root.pos(), "jobs", "too-many-jobs", "the pipeline has " + jobs.size()
                    + " jobs, more than the limit of " + limits.maxJobs());
        }
        if (crossReferences) {
            new JobGraphChecks(diagnostics, limits, stages, jobs, jobMaps).check();
        }
        YMap merged = new YMap(mergedView, root.pos());
        if (diagnostics.hasErrors()) {
            return new Built(Optional.empty(), merged);
        }
        return new Built(Optional.of(new PipelineDefinition(stages, variables, workflow, jobs)), merged);
    }

    private List<JobDefinition> job(String name, YMap.Entry entry, YMap job, YMap defaults, Map<String, YMap.Entry> view) {
        At at = new At("jobs:" + name, diagnostics);
        Inherit inherit = JobReader.opt(job, "inherit", at, InheritKeyword::read).orElse(Inherit.ALL);
        YMap withDefaults = job;
        for (YMap.Entry d : defaults.entries()) {
            if (!job.has(d.key()) && inherit.inheritsDefault(d.key())) {
                withDefaults = withDefaults.with(d.key(), d.keyPos(), d.value());
            }
        }
        Optional<Parallel> parallel = JobReader.opt(job, "parallel", at, ParallelKeyword::read).flatMap(p -> p);
        JobDefinition definition = reader.read(name, entry, withDefaults, inherit, Optional.empty());
        if (parallel.isEmpty()) {
            view.put(name, entry);
            return List.of(withMatrixNeeds(definition, name));
        }
        List<JobDefinition> instances = new ArrayList<>();
        for (ParallelExpansion.Instance instance : ParallelExpansion.expand(name, parallel.get(), job.keyPos("parallel"))) {
            if (instance.name().length() > limits.maxJobNameLength()) {
                diagnostics.error(job.keyPos("parallel"), at.path(), "job-name-too-long", "job name '" + instance.name()
                        + "' made by parallel is longer than " + limits.maxJobNameLength() + " characters");
            }
            instances.add(withMatrixNeeds(definition.asInstance(instance.name(), instance.instance(), instance.variables()), name));
            view.put(instance.name(), new YMap.Entry(instance.name(), entry.keyPos(), instanceView(job, instance)));
        }
        return instances;
    }

    /** Fills {@code $[[ matrix.NAME ]]} in the job's needs with its own matrix values. */
    private JobDefinition withMatrixNeeds(JobDefinition job, String written) {
        if (job.needs().isEmpty() || !MatrixExpressions.used(job.needs().get())) {
            return job;
        }
        return job.withNeeds(Optional.of(MatrixExpressions.substitute(job.needs().get(), job.parallel(), written, diagnostics)));
    }

    private static YMap instanceView(YMap job, ParallelExpansion.Instance instance) {
        YMap out = job.without("parallel");
        if (instance.variables().isEmpty()) {
            return out;
        }
        Map<String, YMap.Entry> vars = new LinkedHashMap<>();
        job.get("variables").filter(YMap.class::isInstance).map(YMap.class::cast)
                .ifPresent(v -> v.entries().forEach(e -> vars.put(e.key(), e)));
        for (Variable v : instance.variables()) {
            vars.put(v.name(), new YMap.Entry(v.name(), v.pos(), YScalar.string(v.value(), v.pos())));
        }
        return out.with("variables", job.keyPos("parallel"), new YMap(vars, job.keyPos("parallel")));
    }

    /** A visible job must be a hash with a valid name. */
    private boolean checkJob(YMap.Entry entry) {
        String name = entry.key();
        boolean complete = entry.value() instanceof YMap map && (map.has("script") || map.has("trigger") || map.has("run"));
        String hint = complete ? "" : DidYouMean.closest(name, Keys.GLOBAL)
                .map(g -> " (did you mean the global keyword '" + g + "'?)").orElse("");
        if (!(entry.value() instanceof YMap)) {
            diagnostics.error(entry.keyPos(), "jobs:" + name, "invalid-type", "jobs:" + name
                    + " config should be a hash, found " + entry.value().typeName() + hint);
            return false;
        }
        if (name.isBlank()) {
            diagnostics.error(entry.keyPos(), "jobs", "job-name", "job name can't be blank");
            return false;
        }
        if (name.length() > limits.maxJobNameLength()) {
            diagnostics.error(entry.keyPos(), "jobs:" + name, "job-name-too-long", "job name is too long (maximum is "
                    + limits.maxJobNameLength() + " characters)");
        }
        if (!hint.isEmpty()) {
            diagnostics.error(entry.keyPos(), "jobs:" + name, "unknown-key", "'" + name + "' is not a GitLab CI keyword, "
                    + "so it is read as a job" + hint);
            return false;
        }
        return true;
    }

    private List<String> stages(YMap root, At top) {
        Optional<YNode> node = root.get("stages").filter(n -> !n.isNull());
        if (node.isEmpty()) {
            node = root.get("types").filter(n -> !n.isNull());
            node.ifPresent(n -> diagnostics.warning(root.keyPos("types"), "types", "deprecated",
                    "`types` is deprecated, use `stages`"));
        }
        return StagesKeyword.read(node.orElse(null), top.child("stages"));
    }

    /** {@code default:} plus the deprecated globals; {@code default:} wins where both set a key. */
    private YMap defaults(YMap root, At top) {
        YMap out = YMap.empty(root.pos());
        for (String key : Keys.DEPRECATED_DEFAULTS) {
            Optional<YMap.Entry> e = root.entry(key);
            if (e.isPresent() && !e.get().value().isNull()) {
                diagnostics.warning(e.get().keyPos(), key, "deprecated", "global `" + key
                        + "` is deprecated, use `default: " + key + "`");
                JobReader.DEFAULT_READERS.get(key).apply(e.get().value(), top.child(key));
                out = out.with(key, e.get().keyPos(), e.get().value());
            }
        }
        Optional<YNode> node = root.get("default").filter(n -> !n.isNull());
        if (node.isEmpty()) {
            return out;
        }
        At at = top.child("default");
        Optional<YMap> map = at.map(node.get());
        if (map.isEmpty()) {
            return out;
        }
        at.onlyKeys(map.get(), Keys.DEFAULT);
        for (YMap.Entry e : withoutNulls(map.get()).entries()) {
            if (Keys.DEFAULT.contains(e.key())) {
                JobReader.DEFAULT_READERS.get(e.key()).apply(e.value(), at.child(e.key()));
                out = out.with(e.key(), e.keyPos(), e.value());
            }
        }
        return out;
    }

    /** GitLab treats {@code key: null} as unset (that is how {@code extends} children remove a key). */
    private static YMap withoutNulls(YMap map) {
        YMap out = map;
        for (YMap.Entry e : map.entries()) {
            if (e.value().isNull()) {
                out = out.without(e.key());
            }
        }
        return out;
    }

    /** Positions written inside the job's own lines: up to the next top-level key of the same file. */
    private static Predicate<SourcePos> span(Map<String, TreeSet<Integer>> keyLines, SourcePos start) {
        Integer next = keyLines.get(start.file()).higher(start.line());
        int end = next == null ? Integer.MAX_VALUE : next;
        return pos -> pos.file().equals(start.file()) && pos.line() >= start.line() && pos.line() < end;
    }

    private static Map<String, TreeSet<Integer>> keyLines(YMap root) {
        Map<String, TreeSet<Integer>> out = new HashMap<>();
        for (YMap.Entry e : root.entries()) {
            out.computeIfAbsent(e.keyPos().file(), f -> new TreeSet<>()).add(e.keyPos().line());
        }
        return out;
    }
}
