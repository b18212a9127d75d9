package dev.sluice.config.model;

import java.util.List;
import java.util.Map;

/**
 * {@code parallel} as written: a count ({@code matrix} empty) or a matrix, each entry mapping variable
 * names (in written order) to their values.
 */
public record Parallel(int count, List<Map<String, List<String>>> matrix) {

    public Parallel {
        matrix = List.copyOf(matrix);
    }
}
