package dev.sluice.cli.run;

import dev.sluice.engine.PlannedJob;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code sluice run JOB...}: only the named jobs (a {@code parallel} job's name selects all its
 * instances), with {@code --needs} also everything they need, transitively: the jobs their
 * {@code needs} name (only the instances a {@code needs:parallel:matrix} selects) and their
 * {@code dependencies}; a job without {@code needs} waits for every job of the earlier stages, so it
 * needs them all. Needs on jobs left out are dropped, so a named job never waits for a job that will
 * not run. Named jobs keep their stage order among themselves.
 */
public final class NamedJobs {

    private NamedJobs() {
    }

    /** @throws IllegalArgumentException naming the jobs the plan does not have */
    public static List<PlannedJob> select(List<String> stages, List<PlannedJob> planned, List<String> names, boolean withNeeds) {
        if (names.isEmpty()) {
            return planned;
        }
        List<String> unknown = names.stream().filter(n -> planned.stream().noneMatch(j -> named(j, n))).toList();
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("not in the pipeline for this ref and source: " + String.join(", ", unknown));
        }
        Set<String> chosen = new LinkedHashSet<>();
        Deque<PlannedJob> todo = new ArrayDeque<>();
        planned.stream().filter(j -> names.stream().anyMatch(n -> named(j, n))).forEach(todo::add);
        while (!todo.isEmpty()) {
            PlannedJob job = todo.pop();
            if (!chosen.add(job.name()) || !withNeeds) {
                continue;
            }
            List<String> dependencies = job.definition().dependencies().orElse(List.of());
            int stage = stages.indexOf(job.definition().stage());
            for (PlannedJob other : planned) {
                boolean needed = job.needs().map(needs -> needs.stream().anyMatch(n -> n.names(other.definition())))
                        .orElse(stages.indexOf(other.definition().stage()) < stage)
                        || dependencies.stream().anyMatch(d -> named(other, d));
                if (needed) {
                    todo.add(other);
                }
            }
        }
        List<PlannedJob> out = new ArrayList<>();
        for (PlannedJob job : planned) {
            if (chosen.contains(job.name())) {
                out.add(job.withNeeds(job.needs().map(needs -> needs.stream()
                        .filter(n -> !n.isLocal() || planned.stream().anyMatch(j -> chosen.contains(j.name()) && n.names(j.definition())))
                        .toList())));
            }
        }
        return out;
    }

    /** The names given that denote manual jobs are played: naming a job asks to run it. */
    public static boolean named(PlannedJob job, String name) {
        return job.name().equals(name) || job.definition().parallel().map(p -> p.baseName().equals(name)).orElse(false);
    }

    static Optional<PlannedJob> find(List<PlannedJob> planned, String name) {
        return planned.stream().filter(j -> named(j, name)).findFirst();
    }
}
