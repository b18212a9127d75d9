package dev.sluice.server.web;

import java.util.ArrayList;
import java.util.List;

/**
 * A unified diff ({@code git diff}'s output) as HTML: the changed files with their added and removed line counts,
 * then each file's lines coloured by kind. Every character of the diff is escaped; past {@link #MAX_LINES} lines the
 * rest is left out with a note saying so, so a huge change cannot make a huge page.
 */
final class DiffView {

    static final int MAX_LINES = 3000;

    private DiffView() {
    }

    /** One file's part of the diff. */
    record FileDiff(String path, int added, int removed, List<String> lines) {
    }

    static List<FileDiff> files(String diff) {
        var files = new ArrayList<FileDiff>();
        List<String> lines = null;
        for (String line : diff.split("\n")) {
            if (line.startsWith("diff --git ")) {
                lines = new ArrayList<>();
                files.add(new FileDiff(null, 0, 0, lines));
            }
            if (lines != null) {
                lines.add(line);
            }
        }
        return files.stream().map(f -> file(f.lines())).toList();
    }

    private static FileDiff file(List<String> lines) {
        String path = null;
        int added = 0;
        int removed = 0;
        boolean inHunks = false;
        for (String line : lines) {
            if (line.startsWith("@@")) {
                inHunks = true;
            } else if (inHunks && line.startsWith("+")) {
                added++;
            } else if (inHunks && line.startsWith("-")) {
                removed++;
            } else if (!inHunks && line.startsWith("+++ ") && !line.equals("+++ /dev/null")) {
                path = strip(line.substring(4));
            } else if (!inHunks && line.startsWith("--- ") && path == null && !line.equals("--- /dev/null")) {
                path = strip(line.substring(4));
            }
        }
        if (path == null) { // a binary file, a mode change or a pure rename: no ---/+++ lines
            String header = lines.get(0);
            int b = header.lastIndexOf(" b/");
            path = b < 0 ? header.substring("diff --git ".length()) : header.substring(b + 3);
        }
        return new FileDiff(path, added, removed, lines);
    }

    private static String strip(String name) {
        return name.startsWith("a/") || name.startsWith("b/") ? name.substring(2) : name;
    }

    /** The changed files' list and their diffs, the whole as HTML. */
    static String render(String diff) {
        var files = files(diff);
        if (files.isEmpty()) {
            return "<p class=\"empty\">No changes.</p>";
        }
        var list = new StringBuilder("<ul class=\"changed\">");
        var body = new StringBuilder();
        int shown = 0;
        int total = 0;
        for (int i = 0; i < files.size(); i++) {
            var f = files.get(i);
            total += f.lines().size();
            list.append("<li><a href=\"#file-").append(i).append("\"><code>").append(Html.esc(f.path())).append("</code></a> <span class=\"add\">+")
                    .append(f.added()).append("</span> <span class=\"del\">−").append(f.removed()).append("</span></li>");
            if (shown >= MAX_LINES) {
                continue;
            }
            body.append("<section class=\"file\" id=\"file-").append(i).append("\"><h3><code>").append(Html.esc(f.path()))
                    .append("</code></h3><pre class=\"diff\">");
            boolean inHunks = false;
            for (String line : f.lines()) {
                if (shown >= MAX_LINES) {
                    break;
                }
                shown++;
                inHunks |= line.startsWith("@@");
                String kind = !inHunks ? "meta" : line.startsWith("@@") ? "hunk" : line.startsWith("+") ? "add"
                        : line.startsWith("-") ? "del" : "ctx";
                if (!inHunks && (line.startsWith("diff --git ") || line.startsWith("index ") || line.startsWith("--- ") || line.startsWith("+++ "))) {
                    continue; // the file's heading says it
                }
                body.append("<span class=\"").append(kind).append("\">").append(Html.esc(line)).append("</span>\n");
            }
            body.append("</pre></section>");
        }
        String note = shown < total ? "<p class=\"notice\" role=\"note\">This diff is too big to show whole: the first " + MAX_LINES
                + " of its " + total + " lines are shown. Fetch the source branch to see all of it.</p>" : "";
        return list.append("</ul>") + note + body + note;
    }
}
