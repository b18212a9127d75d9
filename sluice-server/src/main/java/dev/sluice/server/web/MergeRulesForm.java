package dev.sluice.server.web;

import io.javalin.http.Context;
import java.util.List;

/**
 * The "Merge requests" section of the CI/CD settings page: the approval rules and merge settings the REST API's
 * {@code /approvals} and {@code PUT /projects/:id} change, under the same field names, so a refusal's wording names
 * the field it is about.
 */
final class MergeRulesForm {

    private record Choice(String value, String label) {
    }

    private static final List<Choice> APPROVERS = List.of(new Choice("30", "Developers and above"),
            new Choice("40", "Maintainers and above"), new Choice("50", "Owners"));
    private static final List<Choice> METHODS = List.of(new Choice("merge", "Merge commit"),
            new Choice("ff", "Fast-forward merge (no merge commit)"));

    private MergeRulesForm() {
    }

    static String render(Viewer viewer, String action, ProjectSettings.MergeRules rules) {
        return """
                <section class="panel merge-rules"><h2>Merge requests</h2>
                <p class="muted">Authors never approve their own merge requests; the merge button waits for these approvals.</p>
                <form method="post" action="%s" class="stack">%s
                <label>Approvals required (approvals_before_merge) <input name="approvals_before_merge" inputmode="numeric" value="%s"></label>
                <label>Who may approve (approver_access_level) %s</label>
                <label>Merge method %s</label>
                <label><input type="checkbox" name="reset_approvals_on_push" value="true"%s>Reset approvals when new commits are pushed</label>
                <label><input type="checkbox" name="avoid_duplicate_pipelines" value="true"%s>A push to a merge request's branch runs only its merge request pipeline</label>
                <div><button class="btn primary">Save merge request rules</button></div></form></section>
                """.formatted(Html.esc(action), viewer.csrfField(), Html.esc(rules.approvalsRequired()),
                select("approver_access_level", APPROVERS, Integer.toString(rules.approverLevel())),
                select("merge_method", METHODS, rules.mergeMethod()),
                rules.resetApprovalsOnPush() ? " checked" : "", rules.avoidDuplicatePipelines() ? " checked" : "");
    }

    /** The rules as the form sent them; an unchecked box is absent from the form, so false. */
    static ProjectSettings.MergeRules read(Context ctx) {
        int level;
        try {
            level = Integer.parseInt(String.valueOf(ctx.formParam("approver_access_level")));
        } catch (NumberFormatException e) {
            level = -1; // refused by the rules, which name the field
        }
        return new ProjectSettings.MergeRules(ctx.formParam("approvals_before_merge"), level, "true".equals(ctx.formParam("reset_approvals_on_push")),
                String.valueOf(ctx.formParam("merge_method")), "true".equals(ctx.formParam("avoid_duplicate_pipelines")));
    }

    private static String select(String name, List<Choice> choices, String selected) {
        var options = new StringBuilder();
        for (var c : choices) {
            options.append("<option value=\"").append(c.value()).append('"').append(c.value().equals(selected) ? " selected" : "")
                    .append('>').append(Html.esc(c.label())).append("</option>");
        }
        return "<select name=\"" + name + "\">" + options + "</select>";
    }
}
