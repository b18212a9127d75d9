package dev.sluice.config.archfixture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Breaks the purity rule on purpose, to prove ModuleArrowsTest notices; test sources only. */
public final class StartsAProcess {

    private StartsAProcess() {
    }

    public static Process start() throws IOException {
        Files.createDirectories(Path.of("x"));
        return new ProcessBuilder("true").start();
    }
}
