package dev.sluice.config;

import dev.sluice.config.model.Environment;
import dev.sluice.config.model.JobDefinition;
import dev.sluice.config.model.Need;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YSeq;
import dev.sluice.model.SourcePos;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Checks between jobs, once every job is read and expanded: stages exist, {@code needs} and
 * {@code dependencies} name jobs of current or earlier stages (no cycles, within the limit), and
 * {@code environment:on_stop} names a stop job of the same environment.
 */
final class JobGraphChecks {

    private final Diagnostics diagnostics;
    private final ConfigLimits limits;
    private final List<String> stages;
    private final List<JobDefinition> jobs;
    private final Map<String, YMap> jobMaps;
    private final Map<String, JobDefinition> byName = new LinkedHashMap<>();
    /** A job name as written (base of a parallel job) to all the jobs it stands for. */
    private final Map<String, List<JobDefinition>> byBaseName = new LinkedHashMap<>();

    JobGraphChecks(Diagnostics diagnostics, ConfigLimits limits, List<String> stages, List<JobDefinition> jobs,
                   Map<String, YMap> jobMaps) {
        this.diagnostics = diagnostics;
        this.limits = limits;
        this.stages = stages;
        this.jobs = jobs;
        this.jobMaps = jobMaps;
        for (JobDefinition job : jobs) {
            byName.put(job.name(), job);
            String base = job.parallel().map(p -> p.baseName()).orElse(job.name());
            byBaseName.computeIfAbsent(base, k -> new ArrayList<>()).add(job);
        }
    }

    void check() {
        Set<String> reported = new HashSet<>();
        for (JobDefinition job : jobs) {
            String written = job.parallel().map(p -> p.baseName()).orElse(job.name());
            if (!reported.add(written)) {
                continue; // instances of one parallel job share their problems: report once
            }
            checkStage(job, written);
            job.needs().ifPresent(needs -> checkNeeds(job, written, needs));
            job.dependencies().ifPresent(deps -> checkDependencies(job, written, deps));
            job.environment().flatMap(Environment::onStop).ifPresent(stop -> checkOnStop(job, written, stop));
        }
        checkCycles();
    }

    private int stageIndex(JobDefinition job) {
        return stages.indexOf(job.stage());
    }

    private SourcePos keyPos(String written, String key) {
        YMap map = jobMaps.get(written);
        return map == null ? SourcePos.UNKNOWN : map.keyPos(key);
    }

    private SourcePos valuePos(String written, String key) {
        YMap map = jobMaps.get(written);
        return map == null ? SourcePos.UNKNOWN : map.get(key).map(YNode::pos).orElse(map.pos());
    }

    private void checkStage(JobDefinition job, String written) {
        if (!stages.contains(job.stage())) {
            String key = jobMaps.get(written).has("stage") ? "stage" : "type";
            diagnostics.error(valuePos(written, key), "jobs:" + written, "unknown-stage", written + " job: chosen stage "
                    + job.stage() + " does not exist; available stages are " + String.join(", ", stages)
                    + DidYouMean.hint(job.stage(), stages));
        }
    }

    private void checkNeeds(JobDefinition job, String written, List<Need> needs) {
        String path = "jobs:" + written + ":needs";
        int count = 0;
        for (Need need : needs) {
            if (!need.isLocal()) {
                count++;
                continue;
            }
            List<JobDefinition> targets = targets(need);
            count += Math.max(1, targets.size());
            if (targets.isEmpty() && (need.optional() || MatrixExpressions.used(need))) {
                // optional: GitLab ignores a need on a job that is not in the configuration;
                // an expression left unfilled was reported where it was filled in
                continue;
            }
            if (targets.isEmpty()) {
                String what = need.matrix().isEmpty() ? need.job() : matrixNames(need);
                diagnostics.error(need.pos(), path, "undefined-need", written + " job: undefined need: " + what
                        + (byBaseName.containsKey(need.job()) ? "" : DidYouMean.hint(need.job(), byBaseName.keySet())));
                continue;
            }
            for (JobDefinition target : targets) {
                if (stageIndex(target) > stageIndex(job) && stageIndex(job) >= 0) {
                    diagnostics.error(need.pos(), path, "need-later-stage", written + " job: need " + need.job()
                            + " is not defined in current or prior stages");
                    break;
                }
            }
        }
        if (limits.maxNeeds() > 0 && count > limits.maxNeeds()) {
            diagnostics.error(keyPos(written, "needs"), path, "too-many-needs", written + ": one job can only need "
                    + limits.maxNeeds() + " others, but you have listed " + count
                    + ". See needs keyword documentation for more details (the limit is configurable in Sluice)");
        }
    }

    /** GitLab's names of the instances a matrix need asks for: {@code build: [aws, app1]}. */
    private static String matrixNames(Need need) {
        return need.matrix().stream().flatMap(selector -> ParallelExpansion.product(selector).stream())
                .map(c -> need.job() + ": [" + String.join(", ", c.values()) + "]")
                .collect(java.util.stream.Collectors.joining(", "));
    }

    /** The jobs a need stands for (see {@link Need#names}), looked up by name, not by a scan of every job. */
    private List<JobDefinition> targets(Need need) {
        List<JobDefinition> candidates = new ArrayList<>(byBaseName.getOrDefault(need.job(), List.of()));
        JobDefinition exact = byName.get(need.job());
        if (exact != null && !candidates.contains(exact)) {
            candidates.add(exact);
        }
        return candidates.stream().filter(need::names).toList();
    }

    private void checkDependencies(JobDefinition job, String written, List<String> dependencies) {
        String path = "jobs:" + written + ":dependencies";
        YNode node = jobMaps.get(written).get("dependencies").orElse(null);
        for (int i = 0; i < dependencies.size(); i++) {
            String dependency = dependencies.get(i);
            SourcePos pos = node instanceof YSeq seq && i < seq.size() ? seq.get(i).pos() : valuePos(written, "dependencies");
            List<JobDefinition> targets = byName.containsKey(dependency) ? List.of(byName.get(dependency))
                    : byBaseName.getOrDefault(dependency, List.of());
            if (targets.isEmpty()) {
                diagnostics.error(pos, path, "undefined-dependency", written + " job: undefined dependency: " + dependency
                        + DidYouMean.hint(dependency, byBaseName.keySet()));
                continue;
            }
            if (targets.stream().anyMatch(t -> stageIndex(t) > stageIndex(job))) {
                diagnostics.error(pos, path, "dependency-later-stage", written + " job: dependency " + dependency
                        + " is not defined in current or prior stages");
            }
            // GitLab checks this only when the job needs something: with `needs: []` any dependency goes
            if (job.needs().isPresent() && !job.needs().get().isEmpty() && job.needs().get().stream().noneMatch(n -> n.job().equals(dependency)
                    || targets.stream().anyMatch(t -> t.parallel().map(p -> p.baseName().equals(n.job())).orElse(false)))) {
                diagnostics.error(pos, path, "dependency-not-needed", written + " job: the " + dependency
                        + " should be part of needs");
            }
        }
    }

    private void checkOnStop(JobDefinition job, String written, String stopJob) {
        String path = "jobs:" + written + ":environment";
        SourcePos pos = valuePos(written, "environment");
        JobDefinition stop = byName.get(stopJob);
        String environment = job.environment().orElseThrow().name();
        if (stop == null) {
            diagnostics.error(pos, path, "on-stop", written + " job: on_stop job " + stopJob + " is not defined"
                    + DidYouMean.hint(stopJob, byName.keySet()));
        } else if (stop.environment().isEmpty()) {
            diagnostics.error(pos, path, "on-stop", written + " job: on_stop job " + stopJob + " does not have environment defined");
        } else if (!Objects.equals(stop.environment().get().name(), environment)) {
            diagnostics.error(pos, path, "on-stop", written + " job: on_stop job " + stopJob + " have different environment name");
        } else if (!stop.environment().get().action().equals("stop")) {
            diagnostics.error(pos, path, "on-stop", written + " job: on_stop job " + stopJob + " needs to have action stop defined");
        }
    }

    /** Needs within one stage can form a loop; GitLab refuses such a pipeline. */
    private void checkCycles() {
        Map<String, Integer> state = new HashMap<>();
        for (JobDefinition job : jobs) {
            Optional<List<String>> cycle = visit(job, state, new ArrayList<>());
            if (cycle.isPresent()) {
                JobDefinition first = byName.get(cycle.get().getFirst());
                String written = first.parallel().map(p -> p.baseName()).orElse(first.name());
                diagnostics.error(keyPos(written, "needs"), "jobs:" + written + ":needs", "needs-cycle",
                        "the pipeline has circular dependencies: " + String.join(" -> ", cycle.get()));
                return;
            }
        }
    }

    private Optional<List<String>> visit(JobDefinition job, Map<String, Integer> state, List<String> path) {
        Integer s = state.get(job.name());
        if (s != null && s == 2) {
            return Optional.empty();
        }
        if (s != null && s == 1) {
            List<String> cycle = new ArrayList<>(path.subList(path.indexOf(job.name()), path.size()));
            cycle.add(job.name());
            return Optional.of(cycle);
        }
        state.put(job.name(), 1);
        path.add(job.name());
        for (Need need : job.needs().orElse(List.of())) {
            if (need.isLocal()) {
                for (JobDefinition target : targets(need)) {
                    Optional<List<String>> cycle = visit(target, state, path);
                    if (cycle.isPresent()) {
                        return cycle;
                    }
                }
            }
        }
        path.removeLast();
        state.put(job.name(), 2);
        return Optional.empty();
    }
}
