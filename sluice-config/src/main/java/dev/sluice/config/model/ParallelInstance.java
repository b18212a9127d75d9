package dev.sluice.config.model;

import java.util.Map;

/**
 * One job made by {@code parallel}: {@code CI_NODE_INDEX}/{@code CI_NODE_TOTAL}, the name of the job it
 * came from, and for a matrix the variable values of this combination (in written order).
 */
public record ParallelInstance(String baseName, int index, int total, Map<String, String> matrixValues) {
}
