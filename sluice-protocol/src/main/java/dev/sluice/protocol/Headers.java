package dev.sluice.protocol;

/** Header names of the runner API, spelled as gitlab-runner sends and reads them. */
public final class Headers {

    public static final String RUNNER_TOKEN = "RUNNER-TOKEN";
    public static final String JOB_TOKEN = "JOB-TOKEN";
    public static final String PRIVATE_TOKEN = "PRIVATE-TOKEN";
    public static final String REQUEST_ID = "X-Request-Id";
    /** Opaque queue version: sent back as {@code last_update} on the next {@code jobs/request}. */
    public static final String LAST_UPDATE = "X-GitLab-Last-Update";
    /** Seconds between trace patches and keep-alives; the runner caps it at 15 minutes. */
    public static final String TRACE_UPDATE_INTERVAL = "X-GitLab-Trace-Update-Interval";
    /** The job's status on the server: {@code canceling} asks for a graceful cancel, {@code canceled}/{@code failed} abort. */
    public static final String JOB_STATUS = "Job-Status";
    /** {@code <start>-<end>}, no {@code bytes} unit and no total: not RFC 7233 syntax. */
    public static final String CONTENT_RANGE = "Content-Range";
    /** {@code 0-<size>} in trace replies: how many bytes the server holds. */
    public static final String RANGE = "Range";
    public static final String RETRY_AFTER = "Retry-After";
    public static final String POLLING = "Gitlab-Ci-Builds-Polling";

    private Headers() {
    }
}
