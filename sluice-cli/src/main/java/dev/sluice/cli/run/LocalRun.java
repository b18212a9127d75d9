package dev.sluice.cli.run;

import dev.sluice.engine.PlannedJob;
import dev.sluice.executor.Executor;
import dev.sluice.executor.JobRunner;
import dev.sluice.executor.LocalCacheStore;
import dev.sluice.model.JobVariable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * One {@code sluice run}, wired: the source inspected, the state directory ({@code .sluice/}, which
 * ignores itself for git) prepared, the top pipeline planned, and on demand the dispatcher that runs
 * it. The composition root of a local run; the command only parses options and prints.
 */
public final class LocalRun implements AutoCloseable {

    /**
     * @param configFile        relative to {@code root} unless absolute
     * @param variables         pipeline variables ({@code --variable})
     * @param projectVariables  masked variables ({@code --variables-file}), below pipeline variables
     * @param jobs              named jobs, empty for all
     */
    public record Options(Path root, String configFile, Optional<String> ref, String source,
                          Map<String, String> variables, List<JobVariable> projectVariables, List<String> jobs,
                          boolean needs, Set<String> manual, int concurrency, boolean untracked,
                          Supplier<Executor> executor) {
    }

    private final Options options;
    private final RunSource source;
    private final Path stateDir;
    private final LocalPlanner planner;
    private final LocalPlanner.Outcome outcome;
    private final Set<String> manual;
    private final ScheduledExecutorService timers;
    private final AtomicLong pipelineIds;
    private boolean started;

    private LocalRun(Options options, RunSource source, Path stateDir, LocalPlanner planner, LocalPlanner.Outcome outcome,
                     Set<String> manual, AtomicLong pipelineIds) {
        this.options = options;
        this.source = source;
        this.stateDir = stateDir;
        this.planner = planner;
        this.outcome = outcome;
        this.manual = manual;
        this.pipelineIds = pipelineIds;
        this.timers = Executors.newSingleThreadScheduledExecutor(Thread.ofPlatform().daemon().name("sluice-timers").factory());
    }

    /** @throws IllegalArgumentException for named or manual jobs the plan does not have */
    public static LocalRun open(Options options) {
        RunSource source = RunSource.inspect(options.root(), options.ref(), options.source(), options.untracked(),
                options.variables());
        Path stateDir = source.root().resolve(RunSource.STATE_DIR);
        AtomicLong ids = new AtomicLong(lastPipelineId(stateDir));
        long id = ids.incrementAndGet();
        Path config = source.root().resolve(options.configFile());
        String display = config.normalize().startsWith(source.root())
                ? source.root().relativize(config.normalize()).toString().replace('\\', '/') : options.configFile();
        String text = read(config);
        List<JobVariable> outer = new ArrayList<>(options.projectVariables());
        options.variables().forEach((k, v) -> outer.add(JobVariable.of(k, v)));
        var planner = new LocalPlanner(source);
        var outcome = planner.plan(display, text, source.context(), id, outer, Clock.systemUTC().instant(),
                (stages, jobs) -> NamedJobs.select(stages, jobs, options.jobs(), options.needs()));
        Set<String> manual = new HashSet<>(options.manual());
        if (outcome instanceof LocalPlanner.Ready ready) {
            List<String> unknown = options.manual().stream()
                    .filter(m -> NamedJobs.find(ready.input().jobs(), m).isEmpty()).toList();
            if (!unknown.isEmpty()) {
                throw new IllegalArgumentException("--manual: not in the pipeline for this ref and source: " + String.join(", ", unknown));
            }
            // naming a manual job asks to run it
            options.jobs().forEach(manual::add);
            ready.input().jobs().stream().filter(j -> manual.stream().anyMatch(m -> NamedJobs.named(j, m)))
                    .map(PlannedJob::name).forEach(manual::add);
        }
        return new LocalRun(options, source, stateDir, planner, outcome, manual, ids);
    }

    public RunSource source() {
        return source;
    }

    public LocalPlanner.Outcome outcome() {
        return outcome;
    }

    public Set<String> manual() {
        return Set.copyOf(manual);
    }

    public Path stateDir() {
        return stateDir;
    }

    /** Prepares {@code .sluice/} and the dispatcher of the top pipeline (only for a {@link LocalPlanner.Ready} plan). */
    public Dispatcher dispatcher(RunConsole console) {
        var ready = (LocalPlanner.Ready) outcome;
        try {
            Files.createDirectories(stateDir);
            Files.writeString(stateDir.resolve(".gitignore"), "# sluice run's working state: never committed, never copied\n*\n");
            Files.writeString(stateDir.resolve("pipeline-id"), Long.toString(ready.input().id()) + "\n");
            SourceCopy.deleteTree(stateDir.resolve("builds"));
            SourceCopy.deleteTree(stateDir.resolve("artifacts"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot prepare " + stateDir + ": " + e.getMessage(), e);
        }
        var launcher = new JobLauncher(options.executor(), stateDir, new SourceCopy(source.root(), source.files()),
                new LocalCacheStore(stateDir.resolve("cache")), console, JobRunner.Options.defaults());
        var children = new ChildPipelines(planner, source.context(), options.projectVariables());
        var services = new RunServices(launcher, new Semaphore(Math.max(1, options.concurrency())), timers,
                Clock.systemUTC(), pipelineIds, manual, children, new LocalResourceGroups());
        started = true;
        return new Dispatcher(ready.input(), ready.context(), services, "");
    }

    @Override
    public void close() {
        timers.shutdownNow();
        try {
            if (started) { // --list and --dry-run use no number
                Files.writeString(stateDir.resolve("pipeline-id"), pipelineIds.get() + "\n");
            }
        } catch (IOException e) {
            // the next run reuses a child's number: harmless
        }
    }

    private static long lastPipelineId(Path stateDir) {
        try {
            return Long.parseLong(Files.readString(stateDir.resolve("pipeline-id")).strip());
        } catch (IOException | NumberFormatException e) {
            return 0;
        }
    }

    private static String read(Path config) {
        try {
            return Files.readString(config, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read " + config + ": " + e.getMessage());
        }
    }
}
