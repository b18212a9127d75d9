package dev.sluice.executor;

import java.io.IOException;
import java.time.Duration;

/**
 * A process started as the leader of its own session ({@code setsid}), so that it and everything it forks,
 * including background jobs whose parent has exited, can be signalled at once with {@code kill -- -pgid}.
 */
final class ProcessGroup {

    private static final Duration GRACE = Duration.ofSeconds(5);

    private final Process process;

    ProcessGroup(Process process) {
        this.process = process;
    }

    /** Starts {@code command} as a session leader; its pid is its process group id. */
    static ProcessGroup start(ProcessBuilder builder) throws IOException {
        var command = new java.util.ArrayList<String>();
        command.add("setsid");
        command.addAll(builder.command());
        return new ProcessGroup(builder.command(command).start());
    }

    Process process() {
        return process;
    }

    /** Whether any process of the group is still alive ({@code kill -0}). */
    boolean anyAlive() {
        return signal("0");
    }

    /** SIGTERM to the whole group, then SIGKILL after a grace period if anything survives. */
    void kill() {
        if (!signal("TERM")) {
            return;
        }
        long deadline = System.nanoTime() + GRACE.toNanos();
        while (System.nanoTime() < deadline && anyAlive()) {
            try {
                Thread.sleep(50); // polling a group: there is no handle to wait on for its other members
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        signal("KILL");
    }

    /** Sends a signal to the group; returns whether some process received it. */
    private boolean signal(String name) {
        try {
            var kill = new ProcessBuilder("kill", "-" + name, "--", "-" + process.pid())
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return kill.waitFor() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
