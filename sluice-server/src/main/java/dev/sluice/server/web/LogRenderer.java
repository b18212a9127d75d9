package dev.sluice.server.web;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Job log text to HTML lines: ANSI SGR colours become spans, GitLab's {@code section_start}/{@code section_end}
 * markers become collapsible section headers, each line gets a number and an anchor. A carriage return keeps
 * only what follows it, as a terminal shows a progress bar's last state.
 */
final class LogRenderer {

    private static final Pattern SECTION =
            Pattern.compile("section_(start|end):\\d+:([A-Za-z0-9_.-]+)(\\[[^\\]]*\\])?\\r?\\u001b\\[0K");
    private static final Pattern ESCAPE = Pattern.compile("\\u001b\\[([0-9;]*)([A-Za-z])");

    private LogRenderer() {
    }

    /** Renders whole lines of {@code text} numbered from {@code firstLine}. */
    static String render(String text, long firstLine) {
        var out = new StringBuilder(text.length() * 2);
        long n = firstLine;
        int from = 0;
        while (from < text.length()) {
            int nl = text.indexOf('\n', from);
            int end = nl < 0 ? text.length() : nl;
            line(out, text.substring(from, end), n++);
            from = end + 1;
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String raw, long n) {
        String kind = "";
        String section = null;
        Matcher m = SECTION.matcher(raw);
        var rest = new StringBuilder();
        int last = 0;
        while (m.find()) {
            rest.append(raw, last, m.start());
            last = m.end();
            if (m.group(1).equals("start")) {
                kind = " sec-h";
                section = m.group(2);
            } else if (section == null) {
                kind = " sec-e";
                section = m.group(2);
            }
        }
        rest.append(raw, last, raw.length());
        String visible = afterCarriageReturn(rest.toString());
        out.append("<div class=\"l").append(kind).append("\" id=\"L").append(n).append('"');
        if (section != null) {
            out.append(" data-sec=\"").append(Html.esc(section)).append('"');
        }
        out.append("><a class=\"n\" href=\"#L").append(n).append("\">").append(n).append("</a><span class=\"t\">");
        if (kind.equals(" sec-h")) {
            out.append("<button type=\"button\" class=\"fold\" aria-label=\"Collapse section ").append(Html.esc(section))
                    .append("\" aria-expanded=\"true\">▾</button>");
        }
        colours(out, visible);
        out.append("</span></div>");
    }

    private static String afterCarriageReturn(String s) {
        String trimmed = s.endsWith("\r") ? s.substring(0, s.length() - 1) : s;
        int cr = trimmed.lastIndexOf('\r');
        return cr < 0 ? trimmed : trimmed.substring(cr + 1);
    }

    /** SGR codes to classes: 1 bold, 3 italic, 4 underline, 30–37/90–97 foreground, 40–47/100–107 background. */
    private static void colours(StringBuilder out, String s) {
        Matcher m = ESCAPE.matcher(s);
        int last = 0;
        boolean open = false;
        var style = new Style();
        while (m.find()) {
            out.append(Html.esc(s.substring(last, m.start())));
            last = m.end();
            if (!m.group(2).equals("m")) {
                continue;
            }
            style.apply(m.group(1));
            if (open) {
                out.append("</span>");
                open = false;
            }
            String classes = style.classes();
            if (!classes.isEmpty()) {
                out.append("<span class=\"").append(classes).append("\">");
                open = true;
            }
        }
        out.append(Html.esc(s.substring(last)));
        if (open) {
            out.append("</span>");
        }
    }

    private static final class Style {
        String fg = "";
        String bg = "";
        boolean bold;
        boolean italic;
        boolean underline;

        void apply(String params) {
            String[] codes = params.isEmpty() ? new String[] {"0"} : params.split(";");
            for (int i = 0; i < codes.length; i++) {
                int c = codes[i].isEmpty() ? 0 : parse(codes[i]);
                switch (c) {
                    case 0 -> {
                        fg = "";
                        bg = "";
                        bold = italic = underline = false;
                    }
                    case 1 -> bold = true;
                    case 3 -> italic = true;
                    case 4 -> underline = true;
                    case 22 -> bold = false;
                    case 23 -> italic = false;
                    case 24 -> underline = false;
                    case 39 -> fg = "";
                    case 49 -> bg = "";
                    case 38, 48 -> i += codes.length > i + 1 && codes[i + 1].equals("5") ? 2 : 4;
                    default -> {
                        if (c >= 30 && c <= 37 || c >= 90 && c <= 97) {
                            fg = "fg" + c;
                        } else if (c >= 40 && c <= 47 || c >= 100 && c <= 107) {
                            bg = "bg" + c;
                        }
                    }
                }
            }
        }

        String classes() {
            var sb = new StringBuilder();
            for (String c : new String[] {fg, bg, bold ? "b" : "", italic ? "i" : "", underline ? "u" : ""}) {
                if (!c.isEmpty()) {
                    sb.append(sb.isEmpty() ? "" : " ").append(c);
                }
            }
            return sb.toString();
        }

        private static int parse(String code) {
            try {
                return Integer.parseInt(code);
            } catch (NumberFormatException e) {
                return -1;
            }
        }
    }
}
