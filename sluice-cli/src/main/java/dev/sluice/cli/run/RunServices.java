package dev.sluice.cli.run;

import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What the pipelines of one local run share: where jobs run, the job slots ({@code --concurrency}),
 * the timer thread, the clock, pipeline numbering, the manual jobs to play ({@code --manual}) and
 * how child pipelines are made, and the resource groups they share.
 *
 * @param children empty-handed when the run makes no child pipelines (tests)
 */
public record RunServices(JobLauncher launcher, Semaphore slots, ScheduledExecutorService timers, Clock clock,
                          AtomicLong pipelineIds, Set<String> manual, ChildPipelines children,
                          LocalResourceGroups resourceGroups) {

    public RunServices {
        manual = Set.copyOf(manual);
    }
}
