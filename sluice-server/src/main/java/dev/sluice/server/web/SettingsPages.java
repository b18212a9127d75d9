package dev.sluice.server.web;

import java.util.List;

/** The person's access tokens page and a project's CI/CD settings page (variables, protected branches, merge rules). */
final class SettingsPages {

    static final String TOKENS = "/-/profile/personal_access_tokens";
    static final String RUNNERS = "/-/admin/runners";
    static final String RESET_REGISTRATION_TOKEN = RUNNERS + "/registration_token/reset";
    private static final List<String> SCOPES = List.of("api", "read_api", "read_user");

    private SettingsPages() {
    }

    /** @param created a token's secret just made, shown only on this response; null otherwise */
    static String tokens(Viewer viewer, List<Accounts.Token> tokens, String created) {
        var rows = new StringBuilder();
        for (var t : tokens) {
            rows.append("<tr><td>").append(Html.esc(t.name())).append("</td><td>").append(Html.esc(String.join(", ", t.scopes())))
                    .append("</td><td>").append(Html.esc(t.createdAt().substring(0, 10))).append("</td><td>")
                    .append(t.expiresAt() == null ? "never" : Html.esc(t.expiresAt())).append("</td><td>")
                    .append(t.lastUsedAt() == null ? "never" : Html.esc(t.lastUsedAt().substring(0, 10))).append("</td><td>")
                    .append(t.active() ? Layout.action(viewer, TOKENS + "/" + t.id() + "/revoke", "Revoke", "Revoke " + t.name(), "danger")
                            : "<span class=\"muted\">inactive</span>")
                    .append("</td></tr>");
        }
        var scopes = new StringBuilder();
        for (String s : SCOPES) {
            scopes.append("<label><input type=\"checkbox\" name=\"scopes\" value=\"").append(s).append('"')
                    .append(s.equals("api") ? " checked" : "").append('>').append(s).append("</label> ");
        }
        String notice = created == null ? "" : """
                <div class="notice" role="status"><p>Your new personal access token. Copy it now: it is not shown again.</p>
                <input class="field" id="created-token" readonly value="%s" aria-label="New personal access token" onfocus="this.select()"></div>
                """.formatted(Html.esc(created));
        String content = """
                <h1>Personal access tokens</h1>%s
                <section class="panel"><h2>Add a token</h2>
                <form method="post" action="%s" class="inline-form">%s
                <label>Name <input name="name" required></label>
                <label>Expires <input name="expires_at" type="date"></label>
                <fieldset><legend>Scopes</legend>%s</fieldset>
                <button class="btn primary">Create token</button></form></section>
                <section class="panel"><h2>Your tokens</h2>%s</section>
                """.formatted(notice, TOKENS, viewer.csrfField(), scopes, rows.isEmpty() ? "<p class=\"empty\">No tokens yet.</p>"
                : "<table class=\"settings tokens\"><thead><tr><th>Name</th><th>Scopes</th><th>Created</th><th>Expires</th>"
                + "<th>Last used</th><th></th></tr></thead><tbody>" + rows + "</tbody></table>");
        return Layout.page(viewer, "Access tokens", content, Layout.link(TOKENS, "Access tokens"));
    }

    /** Administrators only: every runner, and the token that registers new ones. */
    static String runners(Viewer viewer, List<Control.RunnerRow> runners, String registrationToken) {
        var rows = new StringBuilder();
        for (var r : runners) {
            rows.append("<tr data-runner=\"").append(r.id()).append("\"><td>#").append(r.id()).append("</td><td>")
                    .append(Html.esc(r.description())).append("</td><td>");
            r.tags().forEach(t -> rows.append("<span class=\"tag\">").append(Html.esc(t)).append("</span> "));
            rows.append("</td><td>").append(r.instance() ? "instance" : "project").append("</td><td>")
                    .append(r.paused() ? "<span class=\"tag warn\">paused</span>" : "active").append("</td><td>")
                    .append(r.running()).append("</td></tr>");
        }
        String content = """
                <h1>Runners</h1>
                <section class="panel"><h2>Register a runner</h2>
                <p class="muted">New runners register with this token:</p>
                <input class="field" id="registration-token" readonly value="%s" aria-label="Registration token" onfocus="this.select()">
                <details class="reset"><summary class="btn">Reset registration token…</summary>
                <form method="post" action="%s" class="inline-form">%s
                <p>A new token replaces this one at once: runners registered already keep working, new ones need the new token.
                A server started with <code>--registration-token</code> uses that one again on its next start.</p>
                <label><input type="checkbox" name="confirm" value="yes" required> Yes, replace the registration token</label>
                <button class="btn danger">Reset token</button></form></details></section>
                <section class="panel"><h2>Registered runners</h2>%s</section>
                """.formatted(Html.esc(registrationToken), RESET_REGISTRATION_TOKEN, viewer.csrfField(), runners.isEmpty() ? "<p class=\"empty\">No runners yet.</p>"
                : "<table class=\"settings runners\"><thead><tr><th>Id</th><th>Description</th><th>Tags</th><th>Type</th>"
                + "<th>Status</th><th>Jobs running</th></tr></thead><tbody>" + rows + "</tbody></table>");
        return Layout.page(viewer, "Runners", content, Layout.link(RUNNERS, "Runners"));
    }

    /** Masked values never reach this page: {@link ProjectSettings} does not hand them out. */
    static String ciCd(Viewer viewer, Views.ProjectView p, List<ProjectSettings.Variable> variables, List<String> branches,
                       ProjectSettings.MergeRules rules) {
        String base = Urls.settings(p.id());
        var rows = new StringBuilder();
        for (var v : variables) {
            String hidden = hidden("old_key", v.key()) + hidden("old_scope", v.scope());
            rows.append("<tr data-key=\"").append(Html.esc(v.key())).append("\"><td><code>").append(Html.esc(v.key()))
                    .append("</code></td><td>").append(v.masked() ? "<span class=\"muted\">masked</span>" : "<code>" + Html.esc(v.value()) + "</code>")
                    .append("</td><td>").append(Html.esc(v.scope())).append("</td><td>")
                    .append(v.isProtected() ? "<span class=\"tag\">protected</span> " : "")
                    .append(v.masked() ? "<span class=\"tag\">masked</span>" : "").append("</td><td>")
                    .append("<details><summary class=\"btn\">Edit</summary>")
                    .append(variableForm(viewer, base + "/variables", hidden, v, "Save " + v.key())).append("</details>")
                    .append(Layout.action(viewer, base + "/variables/delete?key=" + enc(v.key()) + "&scope=" + enc(v.scope()),
                            "Delete", "Delete " + v.key(), "danger"))
                    .append("</td></tr>");
        }
        var protectedRows = new StringBuilder();
        for (String b : branches) {
            protectedRows.append("<li><code>").append(Html.esc(b)).append("</code> ")
                    .append(Layout.action(viewer, base + "/protected_branches/delete?name=" + enc(b), "Unprotect",
                            "Unprotect " + b, "danger")).append("</li>");
        }
        String content = """
                <h1>CI/CD settings</h1>
                <section class="panel"><h2>Variables</h2>%s
                <h2>Add a variable</h2>%s</section>
                <section class="panel"><h2>Protected branches</h2>
                <p class="muted">Only maintainers may push to them and run their pipelines' jobs; protected variables reach only their pipelines.</p>
                <ul class="branches">%s</ul>
                <form method="post" action="%s/protected_branches" class="inline-form">%s
                <label>Branch or wildcard <input name="name" required placeholder="release/*"></label>
                <button class="btn primary">Protect</button></form></section>%s
                """.formatted(rows.isEmpty() ? "<p class=\"empty\">No variables yet.</p>"
                        : "<table class=\"settings variables\"><thead><tr><th>Key</th><th>Value</th><th>Environments</th>"
                        + "<th>Options</th><th></th></tr></thead><tbody>" + rows + "</tbody></table>",
                variableForm(viewer, base + "/variables", "", null, "Add variable"),
                protectedRows.isEmpty() ? "<li class=\"muted\">none</li>" : protectedRows, base, viewer.csrfField(),
                MergeRulesForm.render(viewer, base + "/merge_requests", rules));
        return Layout.page(viewer, "CI/CD settings · " + p.name(), content, Layout.link("/-/projects", "Projects"),
                Layout.link(Urls.project(p.id()), p.path()), Layout.link(base, "CI/CD settings"));
    }

    /** The add form (no {@code v}) or a variable's edit form, whose value field starts empty for a masked one. */
    private static String variableForm(Viewer viewer, String action, String hidden, ProjectSettings.Variable v, String label) {
        boolean edit = v != null;
        String value = !edit || v.masked() ? "" : v.value();
        return """
                <form method="post" action="%s" class="inline-form">%s%s
                <label>Key <input name="key" required value="%s"></label>
                <label>Value <input name="value" value="%s"%s></label>
                <label>Environments <input name="environment_scope" value="%s"></label>
                <label><input type="checkbox" name="protected" value="true"%s>Protected</label>
                <label><input type="checkbox" name="masked" value="true"%s>Masked</label>
                <button class="btn primary">%s</button></form>
                """.formatted(action, viewer.csrfField(), hidden, edit ? Html.esc(v.key()) : "", Html.esc(value),
                edit && v.masked() ? " placeholder=\"unchanged (masked)\"" : "", edit ? Html.esc(v.scope()) : "*",
                edit && v.isProtected() ? " checked" : "", edit && v.masked() ? " checked" : "", Html.esc(label));
    }

    private static String hidden(String name, String value) {
        return "<input type=\"hidden\" name=\"" + name + "\" value=\"" + Html.esc(value) + "\">";
    }

    private static String enc(String text) {
        return java.net.URLEncoder.encode(text, java.nio.charset.StandardCharsets.UTF_8);
    }
}
