package dev.sluice.runner;

import dev.sluice.protocol.JobPayload;
import dev.sluice.protocol.RemoteJobState;

import java.time.Duration;
import java.util.Optional;

/** What the coordinator answered to the calls a runner makes during a job. */
final class Replies {

    private Replies() {
    }

    /** The answer to {@code jobs/request}. */
    sealed interface JobResponse {
        record Assigned(JobPayload job) implements JobResponse {
        }

        record NoJob() implements JobResponse {
        }

        /** 403: the runner's token is bad or the runner was removed. */
        record Forbidden() implements JobResponse {
        }

        record Failed(String message) implements JobResponse {
        }
    }

    /** The answer to {@code PUT /jobs/:id}. */
    record Update(int status, RemoteJobState state, Optional<Duration> updateInterval) {
    }

    /** The answer to {@code PATCH /jobs/:id/trace}; {@code serverSize} is from the {@code Range} header. */
    record Patch(int status, RemoteJobState state, Optional<Long> serverSize, Optional<Duration> updateInterval) {
    }
}
