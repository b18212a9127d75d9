package dev.sluice.protocol;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** The JSON samples of runner-protocol.md, with its comments and ellipses filled in, under {@code spec/}. */
final class SpecSamples {

    private SpecSamples() {
    }

    static String read(String name) {
        try (var in = SpecSamples.class.getResourceAsStream("/spec/" + name)) {
            if (in == null) {
                throw new IllegalStateException("no sample " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
