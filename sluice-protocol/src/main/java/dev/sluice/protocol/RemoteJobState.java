package dev.sluice.protocol;

import java.util.Optional;

/**
 * What a reply to a job's update or trace patch tells the runner to do, from its status code and
 * {@code Job-Status} header (gitlab-runner's {@code remote_job_state_response.go}).
 */
public enum RemoteJobState {
    /** Go on. */
    RUNNING,
    /** {@code Job-Status: canceling}: stop the script, still run after_script and the failure uploads. */
    CANCEL,
    /** {@code Job-Status: canceled}/{@code failed}, {@code 403} or {@code 404}: kill the job, say nothing more. */
    ABORT;

    public static RemoteJobState of(int status, Optional<String> jobStatus) {
        String js = jobStatus.orElse("");
        if (js.equals("canceled") || js.equals("failed") || status == 403 || status == 404) {
            return ABORT;
        }
        return js.equals("canceling") ? CANCEL : RUNNING;
    }
}
