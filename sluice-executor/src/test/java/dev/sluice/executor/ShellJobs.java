package dev.sluice.executor;

import dev.sluice.model.JobSpec;

import java.nio.file.Path;

/** Runs jobs with a real bash in a temporary directory, for the {@code *IT} tests. */
final class ShellJobs {

    final Path root;
    final TraceCapture log = new TraceCapture();
    JobRunner runner;

    ShellJobs(Path root) {
        this.root = root;
    }

    Workspace workspace() {
        return Workspace.local(root, WorkingCopy.existing());
    }

    Path projectDir() {
        return root.resolve("builds/project");
    }

    JobOutcome run(JobSpec job) {
        runner = new JobRunner(new ShellExecutor(), workspace(), JobRunner.Options.defaults());
        return runner.run(job, log);
    }

    String plain() {
        return log.plainText();
    }
}
