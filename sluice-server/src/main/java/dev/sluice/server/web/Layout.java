package dev.sluice.server.web;

/** The page shell every page shares: head with the assets, a top bar, breadcrumbs, the content. */
final class Layout {

    private Layout() {
    }

    /** @param crumbs already-escaped HTML links, outermost first */
    static String page(String title, String content, String... crumbs) {
        var trail = new StringBuilder();
        for (String c : crumbs) {
            trail.append("<li>").append(c).append("</li>");
        }
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Sluice</title>
                <link rel="stylesheet" href="/-/assets/sluice.css">
                <script src="/-/assets/htmx.min.js" defer></script>
                <script src="/-/assets/sse.js" defer></script>
                <script src="/-/assets/sluice.js" defer></script>
                </head><body>
                <header class="top"><a class="brand" href="/">Sluice</a><nav aria-label="Main"><a href="/-/projects">Projects</a></nav></header>
                <nav class="crumbs" aria-label="Breadcrumbs"><ol>%s</ol></nav>
                <main>%s</main>
                </body></html>
                """.formatted(Html.esc(title), trail, content);
    }

    static String link(String href, String text) {
        return "<a href=\"" + Html.esc(href) + "\">" + Html.esc(text) + "</a>";
    }

    /** A POST form with one button: every action the UI offers goes through {@link WebRoutes}' one POST path. */
    static String action(String href, String label, String accessibleName, String kind) {
        return "<form method=\"post\" action=\"%s\" class=\"inline\"><button class=\"btn %s\" aria-label=\"%s\" title=\"%s\">%s</button></form>"
                .formatted(Html.esc(href), kind, Html.esc(accessibleName), Html.esc(accessibleName), label);
    }
}
