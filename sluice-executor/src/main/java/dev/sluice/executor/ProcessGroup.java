package dev.sluice.executor;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

    /**
     * Whether any process of the group still runs. Zombies do not count: where PID 1 is slow to reap
     * orphans (containers), {@code kill -0} would report them alive long after they died.
     */
    boolean anyAlive() {
        Path proc = Path.of("/proc");
        if (!Files.isDirectory(proc.resolve("self"))) {
            return signal("0");
        }
        try (var entries = Files.list(proc)) {
            return entries.anyMatch(p -> runsInGroup(p, process.pid()));
        } catch (IOException e) {
            return signal("0");
        }
    }

    /** Reads {@code /proc/<pid>/stat}: the state is the field after the command name, the group two later. */
    private static boolean runsInGroup(Path procEntry, long pgid) {
        if (!procEntry.getFileName().toString().chars().allMatch(Character::isDigit)) {
            return false;
        }
        try {
            String stat = Files.readString(procEntry.resolve("stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return !fields[0].equals("Z") && !fields[0].equals("X") && Long.parseLong(fields[2]) == pgid;
        } catch (IOException | RuntimeException e) {
            return false; // the process went away while we looked
        }
    }

    /** SIGTERM to the whole group, then SIGKILL after a grace period if anything survives. */
    void kill() {
        // Checked first: after a normal step the group is empty, and reading /proc costs less than
        // starting a `kill` process (a few milliseconds per job on a busy machine).
        if (!anyAlive() || !signal("TERM") || !anyAlive()) {
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
        if (anyAlive()) {
            signal("KILL");
        }
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
