package dev.sluice.cli.run;

import dev.sluice.engine.ResourceGroups;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Resource groups across the pipelines of one local run (a parent and its children), as GitLab
 * keeps them per project: a group is held by at most one job of any pipeline. Each pipeline's
 * engine keeps its own jobs one at a time; this tells it about the other pipelines' jobs, and wakes
 * them ({@code ResourceFreed}) when a group comes free. Engines apply events under {@link #lock},
 * so what an engine reads here cannot change while it decides.
 */
final class LocalResourceGroups {

    final Object lock = new Object();
    private final Map<String, Long> holders = new HashMap<>();
    private final List<Dispatcher> dispatchers = new CopyOnWriteArrayList<>();

    void register(Dispatcher dispatcher) {
        dispatchers.add(dispatcher);
    }

    /** The view of the pipeline {@code pipelineId}: groups held by another pipeline's job. */
    ResourceGroups viewFor(long pipelineId) {
        return group -> {
            Long holder = holders.get(group);
            return holder != null && holder != pipelineId;
        };
    }

    void acquired(String group, long pipelineId) {
        holders.put(group, pipelineId);
    }

    void released(String group, long pipelineId) {
        if (holders.remove(group, pipelineId)) {
            dispatchers.stream().filter(d -> d.pipelineId() != pipelineId).forEach(d -> d.resourceFreed(group));
        }
    }
}
