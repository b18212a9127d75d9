package dev.sluice.runner;

import dev.sluice.protocol.VersionInfo;

/** The job's id and token, and the {@code info} the runner adds to its updates. */
record JobIdentity(long id, String token, boolean debugTrace, VersionInfo info) {
}
