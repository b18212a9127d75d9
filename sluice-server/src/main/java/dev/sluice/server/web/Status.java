package dev.sluice.server.web;

import java.util.Set;

/** How a job or pipeline status looks: an icon with an accessible name and a colour class. */
final class Status {

    private static final Set<String> FINISHED = Set.of("success", "failed", "canceled", "skipped");

    private Status() {
    }

    static boolean finished(String status) {
        return FINISHED.contains(status);
    }

    static String glyph(String status) {
        return switch (status) {
            case "success" -> "✓";
            case "failed" -> "✕";
            case "running" -> "●";
            case "pending", "waiting_for_resource" -> "◔";
            case "manual" -> "▶";
            case "scheduled" -> "◷";
            case "canceled", "canceling" -> "⊘";
            case "skipped" -> "»";
            default -> "○";
        };
    }

    /** A round status icon; screen readers hear "Status: failed". */
    static String icon(String status) {
        return "<span class=\"icon s-%s\" role=\"img\" aria-label=\"Status: %s\" title=\"%s\">%s</span>"
                .formatted(Html.esc(status), Html.esc(status), Html.esc(status), glyph(status));
    }

    /** A pill with icon and word, for lists and headers. */
    static String badge(String status) {
        return "<span class=\"badge s-%s\" data-status=\"%s\"><span aria-hidden=\"true\">%s</span> %s</span>"
                .formatted(Html.esc(status), Html.esc(status), glyph(status), Html.esc(status));
    }
}
