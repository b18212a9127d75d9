package dev.sluice.executor.docker;

import dev.sluice.executor.ExecutorException;
import dev.sluice.executor.GoDuration;
import dev.sluice.executor.TraceSink;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** Makes an image available by trying the pull policies in order, as gitlab-runner does. */
final class ImagePuller {

    private final DockerEngine engine;
    private final Duration timeout;

    ImagePuller(DockerEngine engine, Duration timeout) {
        this.engine = engine;
        this.timeout = timeout;
    }

    void ensure(String image, List<PullPolicy> policies, TraceSink log) throws ExecutorException {
        var errors = new ArrayList<String>();
        for (PullPolicy policy : policies) {
            if (policy != PullPolicy.ALWAYS && engine.imagePresent(image)) {
                log.write("Using locally found image " + image + " (pull policy " + policy.gitlabName() + ")\n");
                return;
            }
            if (policy == PullPolicy.NEVER) {
                errors.add("Error: No such image: " + image);
                continue;
            }
            log.write("Pulling docker image " + image + " ...\n");
            String error = pull(image);
            if (error.isEmpty()) {
                return;
            }
            log.write("WARNING: Failed to pull image " + image + " with policy \"" + policy.gitlabName() + "\": " + error + "\n");
            errors.add(error);
        }
        throw new ExecutorException("failed to pull image \"" + image + "\" with specified policies " + PullPolicy.names(policies)
                + ": " + String.join("; ", errors));
    }

    /** Empty when the image is there afterwards, else why not. */
    private String pull(String image) throws ExecutorException {
        try {
            if (!engine.pull(ImageRef.parse(image), timeout)) {
                return "no answer from the registry within " + GoDuration.format(timeout) + " (pull timeout)";
            }
            return engine.imagePresent(image) ? "" : "Error: No such image: " + image;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ExecutorException("interrupted while pulling " + image, e);
        } catch (RuntimeException e) {
            return e.getMessage() == null ? e.toString() : e.getMessage().strip();
        }
    }
}
