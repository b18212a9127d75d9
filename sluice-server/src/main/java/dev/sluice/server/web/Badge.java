package dev.sluice.server.web;

/** GitLab's flat pipeline status badge as SVG: "pipeline" on grey, the status on its colour. */
final class Badge {

    private Badge() {
    }

    static String svg(String status) {
        String colour = switch (status) {
            case "success" -> "#108548";
            case "failed" -> "#dd2b0e";
            case "running" -> "#1f75cb";
            case "pending", "created", "manual", "scheduled" -> "#c17d10";
            default -> "#9e9e9e";
        };
        int left = 62;
        int right = 8 + 7 * status.length();
        int width = left + right;
        return """
                <svg xmlns="http://www.w3.org/2000/svg" width="%1$d" height="20" role="img" aria-label="pipeline: %2$s">\
                <title>pipeline: %2$s</title><rect width="%3$d" height="20" rx="3" fill="#555"/>\
                <rect x="%3$d" width="%4$d" height="20" rx="3" fill="%5$s"/><rect x="%3$d" width="4" height="20" fill="%5$s"/>\
                <g fill="#fff" font-family="Verdana,DejaVu Sans,sans-serif" font-size="11">\
                <text x="6" y="14">pipeline</text><text x="%6$d" y="14">%2$s</text></g></svg>"""
                .formatted(width, Html.esc(status), left, right, colour, left + 4);
    }
}
