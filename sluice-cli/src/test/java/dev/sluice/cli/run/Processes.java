package dev.sluice.cli.run;

import java.nio.file.Files;
import java.nio.file.Path;

/** Whether a process is gone: exited, or a zombie that nobody reaped yet (its killing succeeded). */
public final class Processes {

    private Processes() {
    }

    public static boolean gone(long pid) {
        return ProcessHandle.of(pid).map(p -> !p.isAlive()).orElse(true) || zombie(pid);
    }

    private static boolean zombie(long pid) {
        try {
            return Files.readString(Path.of("/proc/" + pid + "/stat")).split("\\) ")[1].startsWith("Z");
        } catch (Exception e) {
            return true;
        }
    }
}
