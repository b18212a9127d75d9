package dev.sluice.server;

import java.util.List;
import java.util.Optional;

/** Jobs of every pipeline: their status on the server, who runs them, and the hash of their token. */
interface Jobs {

    record JobRow(long id, long pipelineId, long engineJobId, String name, String stage, String status, Long runnerId,
                  String tokenHash, String failureReason, Integer exitCode) {

        /** A runner may talk about a job only while it runs (GitLab's {@code authenticate_job!}). */
        boolean active() {
            return status.equals("running") || status.equals("canceling");
        }
    }

    /** The job's id; creates the row the first time the engine shows the job. */
    long ensure(long pipelineId, long engineJobId, String name, String stage, String status);

    void setStatus(long id, String status);

    /** Sets the status unless a runner holds the job (running, canceling): the runner's own update settles it. */
    void settle(long id, String status);

    /** pending → running for one runner; false when another runner took it first. */
    boolean assign(long id, long runnerId, String tokenHash);

    /** running/canceling → a final status; false when the job was not active. */
    boolean finish(long id, String status, String failureReason, Integer exitCode);

    Optional<JobRow> find(long id);

    List<JobRow> ofPipeline(long pipelineId);

    /** The project's jobs, newest first, of any of {@code statuses} (all when empty). */
    List<JobRow> ofProject(long projectId, List<String> statuses, long offset, int limit);

    long countOfProject(long projectId, List<String> statuses);

    /** The jobs a runner took, newest first, of any of {@code statuses} (all when empty). */
    List<JobRow> ofRunner(long runnerId, List<String> statuses, long offset, int limit);

    long countOfRunner(long runnerId, List<String> statuses);
}
