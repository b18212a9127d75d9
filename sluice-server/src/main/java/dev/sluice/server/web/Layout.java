package dev.sluice.server.web;

/** The page shell every page shares: head with the assets, a top bar with the person, breadcrumbs, the content. */
final class Layout {

    private Layout() {
    }

    /**
     * @param viewer who is signed in (null on the sign-in page): the page carries their CSRF token for htmx
     * @param crumbs already-escaped HTML links, outermost first
     */
    static String page(Viewer viewer, String title, String content, String... crumbs) {
        var trail = new StringBuilder();
        for (String c : crumbs) {
            trail.append("<li>").append(c).append("</li>");
        }
        String csrf = viewer == null ? "" : "\n<meta name=\"csrf-token\" content=\"" + Html.esc(viewer.csrf()) + "\">";
        String admin = viewer != null && viewer.person().admin() ? "<a href=\"/-/admin/runners\">Runners</a>" : "";
        return """
                <!doctype html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s · Sluice</title>%s
                <link rel="stylesheet" href="/-/assets/sluice.css">
                <script src="/-/assets/htmx.min.js" defer></script>
                <script src="/-/assets/sse.js" defer></script>
                <script src="/-/assets/sluice.js" defer></script>
                </head><body>
                <header class="top"><a class="brand" href="/">Sluice</a><nav aria-label="Main"><a href="/-/projects">Projects</a>%s</nav>%s</header>
                <nav class="crumbs" aria-label="Breadcrumbs"><ol>%s</ol></nav>
                <main>%s</main>
                </body></html>
                """.formatted(Html.esc(title), csrf, admin, viewer == null ? "" : account(viewer), trail, content);
    }

    /** The person's name (linking to their access tokens) and signing out: a POST, so it carries the CSRF token. */
    private static String account(Viewer viewer) {
        return "<div class=\"account\"><a href=\"/-/profile/personal_access_tokens\" title=\"Access tokens\">"
                + Html.esc(viewer.person().username()) + "</a><form method=\"post\" action=\"/-/sign_out\" class=\"inline\">"
                + viewer.csrfField() + "<button class=\"btn link\">Sign out</button></form></div>";
    }

    static String link(String href, String text) {
        return "<a href=\"" + Html.esc(href) + "\">" + Html.esc(text) + "</a>";
    }

    /** A POST form with one button: every action the UI offers goes through {@link WebRoutes}' one POST path. */
    static String action(Viewer viewer, String href, String label, String accessibleName, String kind) {
        return "<form method=\"post\" action=\"%s\" class=\"inline\">%s<button class=\"btn %s\" aria-label=\"%s\" title=\"%s\">%s</button></form>"
                .formatted(Html.esc(href), viewer.csrfField(), kind, Html.esc(accessibleName), Html.esc(accessibleName), label);
    }
}
