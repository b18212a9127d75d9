package dev.sluice.runner;

import dev.sluice.protocol.Artifact;
import dev.sluice.protocol.Dependency;
import dev.sluice.protocol.GitInfo;
import dev.sluice.protocol.JobContext;
import dev.sluice.protocol.JobInfo;
import dev.sluice.protocol.JobPayload;
import dev.sluice.protocol.RunnerInfo;
import dev.sluice.protocol.Step;
import dev.sluice.protocol.Variable;
import dev.sluice.protocol.VersionInfo;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** Job payloads as a coordinator sends them, for shell jobs, and a runner set up for tests. */
final class TestJobs {

    /** A keep-alive every 100 ms: a silent script learns of a cancel from it, as with gitlab-runner after 30 s. */
    /** Entries whose token the agents of these tests reset, newest last. */
    static final java.util.List<RunnerEntry> tokenResets = new java.util.concurrent.CopyOnWriteArrayList<>();

    static final Timing FAST = new Timing(Duration.ofMillis(25), Duration.ofMillis(100), 5, Duration.ofMillis(100));

    private TestJobs() {
    }

    static JobPayload shell(long id, List<String> script, List<String> afterScript) {
        return shell(id, script, afterScript, List.of());
    }

    static JobPayload shell(long id, List<String> script, List<String> afterScript, List<Variable> variables) {
        var steps = new ArrayList<Step>();
        steps.add(new Step(Step.SCRIPT, script, 60L, "on_success", false));
        if (!afterScript.isEmpty()) {
            steps.add(new Step(Step.AFTER_SCRIPT, afterScript, 60L, "always", true));
        }
        var vars = new ArrayList<Variable>();
        vars.add(new Variable("CI", "true", true, false, false, false));
        vars.addAll(variables);
        return new JobPayload(id, "glcbt-job" + id, true, new JobInfo("job" + id, "test", 1L, "app", "group/app", 1L, Map.of()),
                null, new RunnerInfo(60L, null), vars, steps, null, List.of(), List.of(), List.of(), List.of(), List.of(),
                JobContext.defaultFeatures(), Map.of());
    }

    static JobPayload with(JobPayload p, List<Artifact> artifacts, List<Dependency> dependencies, GitInfo git) {
        return new JobPayload(p.id(), p.token(), p.allowGitFetch(), p.jobInfo(), git, p.runnerInfo(), p.variables(), p.steps(),
                p.image(), p.services(), artifacts, p.cache(), p.credentials(), dependencies, p.features(), p.extra());
    }

    /** A started agent with one shell entry against {@code url}; stop it with {@link RunnerAgent#shutdown}. */
    static RunnerAgent agent(String url, Path workDir, int concurrent, UnaryOperator<RunnerEntry> entry, Duration shutdownTimeout)
            throws ConfigException {
        var config = new RunnerConfig(concurrent, Duration.ofMillis(20), shutdownTimeout,
                List.of(entry.apply(RunnerEntry.of(url, 1, "glrt-testtoken", "shell"))));
        var options = new RunnerAgent.Options(workDir, VersionInfo.sluice("0.1.0", "shell", "bash"), "s_0123456789ab", FAST,
                RegistrationTest.FAST, Duration.ofMillis(200), m -> { }, tokenResets::add);
        var agent = new RunnerAgent(config, options);
        agent.start();
        return agent;
    }
}
