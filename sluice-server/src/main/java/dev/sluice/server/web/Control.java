package dev.sluice.server.web;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What the web UI asks of the coordinator beyond reading the store: the person's actions on pipelines and jobs
 * (carried out by the scheduler), and what only the coordinator knows (branches, needs, where a log lives).
 */
public interface Control {

    /** A job action's result: the job the action leaves (a retry's new attempt), or why it was refused. */
    sealed interface Outcome {
        record Done(long jobId) implements Outcome {
        }

        record Refused(String reason) implements Outcome {
        }
    }

    Outcome play(long jobId);

    Outcome retry(long jobId);

    Outcome cancel(long jobId);

    boolean cancelPipeline(long pipelineId);

    boolean retryPipeline(long pipelineId);

    List<String> branches(String repoDir);

    /** A pipeline's stages in order and each job's {@code needs} by job name; empty when the run is not known. */
    record Layout(List<String> stages, Map<String, List<String>> needs) {
    }

    Layout layout(long pipelineId);

    Path traceFile(long jobId);

    /** A registered runner as the runners admin page lists it; instance runners serve every project. */
    record RunnerRow(long id, String description, List<String> tags, boolean paused, boolean instance, long running) {
    }

    /** Every registered runner, by id (the first 1000). */
    List<RunnerRow> runners();

    /** The token new runners register with. */
    String registrationToken();

    /** Replaces the registration token with a new one (administrators only: the caller checks); returns it. */
    String resetRegistrationToken();

    /** The job's artifacts archive, when it uploaded one. */
    java.util.Optional<Path> artifacts(long jobId);
}
