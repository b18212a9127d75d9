package dev.sluice.cli;

import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YReference;
import dev.sluice.config.yaml.YScalar;
import dev.sluice.config.yaml.YSeq;
import java.util.regex.Pattern;

/**
 * A YAML tree as block-style YAML, keys in order, that reads back (with GitLab's YAML 1.1 rules) to
 * the same values: integers, floats, booleans and null stay unquoted; strings are plain only when
 * nothing could read them as anything else, multi-line strings are literal blocks, the rest is
 * double-quoted.
 */
final class YamlPrinter {

    /** Words that YAML 1.1 (Psych) or YAML 1.2 read as booleans, null or special floats. */
    private static final Pattern RESERVED = Pattern.compile("(?i)y|n|yes|no|true|false|on|off|null|~|\\.inf|\\.nan");

    /** YAML reads keys longer than this only in the explicit {@code ? key} form. */
    private static final int MAX_IMPLICIT_KEY = 1000;

    private final StringBuilder out = new StringBuilder();

    private YamlPrinter() {
    }

    static String print(YNode root) {
        var printer = new YamlPrinter();
        switch (root) {
            case YMap map when !map.isEmpty() -> printer.map(map, 0, true);
            case YSeq seq when !seq.items().isEmpty() -> printer.seq(seq, 0, true);
            default -> printer.out.append(printer.inline(root, 0)).append('\n');
        }
        return printer.out.toString();
    }

    private void map(YMap map, int indent, boolean padFirst) {
        boolean pad = padFirst;
        for (YMap.Entry entry : map.entries()) {
            if (pad) {
                out.repeat(' ', indent);
            }
            pad = true;
            String key = string(entry.key());
            if (key.length() > MAX_IMPLICIT_KEY) {
                out.append("? ").append(key).append('\n').repeat(' ', indent).append(':');
            } else {
                out.append(key).append(':');
            }
            value(entry.value(), indent);
        }
    }

    private void seq(YSeq seq, int indent, boolean padFirst) {
        boolean pad = padFirst;
        for (YNode item : seq.items()) {
            if (pad) {
                out.repeat(' ', indent);
            }
            pad = true;
            out.append('-');
            switch (item) {
                case YMap map when !map.isEmpty() -> {
                    out.append(' ');
                    map(map, indent + 2, false);
                }
                case YSeq nested when !nested.items().isEmpty() -> {
                    out.append(' ');
                    seq(nested, indent + 2, false);
                }
                default -> out.append(' ').append(inline(item, indent)).append('\n');
            }
        }
    }

    /** The value after {@code key:}: nested collections on the next lines, anything else on this one. */
    private void value(YNode value, int indent) {
        switch (value) {
            case YMap map when !map.isEmpty() -> {
                out.append('\n');
                map(map, indent + 2, true);
            }
            case YSeq seq when !seq.items().isEmpty() -> {
                out.append('\n');
                seq(seq, indent + 2, true);
            }
            default -> out.append(' ').append(inline(value, indent)).append('\n');
        }
    }

    /** A value that fits after {@code key: } or {@code - }: a scalar, an empty collection, a reference, a literal block. */
    private String inline(YNode node, int indent) {
        return switch (node) {
            case YMap map -> "{}";
            case YSeq seq -> "[]";
            case YReference reference -> reference(reference);
            case YScalar scalar -> switch (scalar.kind()) {
                case STRING -> literalBlock(scalar.value(), indent + 2);
                case INTEGER, BOOLEAN -> scalar.value();
                case FLOAT -> switch (scalar.value()) {
                    case "NaN" -> ".nan";
                    case "Infinity" -> ".inf";
                    case "-Infinity" -> "-.inf";
                    default -> scalar.value();
                };
                case NULL -> "null";
            };
        };
    }

    private static String reference(YReference reference) {
        var parts = new StringBuilder("!reference [");
        for (int i = 0; i < reference.path().size(); i++) {
            String part = reference.path().get(i);
            parts.append(i == 0 ? "" : ", ").append(part.matches("[A-Za-z_.][A-Za-z0-9_.-]*") ? string(part) : quoted(part));
        }
        return parts.append(']').toString();
    }

    /**
     * A multi-line string as a literal block ({@code |}) with content at {@code contentIndent}, when
     * its text survives one unchanged; otherwise the single-line form.
     */
    private static String literalBlock(String text, int contentIndent) {
        if (!text.contains("\n") || !literalSafe(text)) {
            return string(text);
        }
        int trailing = 0;
        while (trailing < text.length() && text.charAt(text.length() - 1 - trailing) == '\n') {
            trailing++;
        }
        String chomp = trailing == 0 ? "-" : trailing == 1 ? "" : "+";
        var block = new StringBuilder("|").append(chomp);
        String body = text.substring(0, text.length() - trailing);
        for (String line : body.split("\n", -1)) {
            block.append('\n');
            if (!line.isEmpty()) {
                block.repeat(' ', contentIndent).append(line);
            }
        }
        block.repeat("\n", Math.max(trailing - 1, 0));
        return block.toString();
    }

    /**
     * A literal block keeps every character but cannot start with indentation (the block's
     * indentation is detected from its first line) nor end with a line of blanks, and holds
     * printable characters only.
     */
    private static boolean literalSafe(String text) {
        char first = text.charAt(0);
        if (first == ' ' || first == '\t' || first == '\n') {
            return false;
        }
        String body = text.replaceAll("\n+$", "");
        if (body.isEmpty() || body.endsWith(" ") || body.endsWith("\t")) {
            return false;
        }
        return text.codePoints().allMatch(c -> c == '\n' || c == '\t' || printable(c));
    }

    /** A single-line string: plain when unambiguous, double-quoted otherwise. */
    static String string(String text) {
        return plain(text) ? text : quoted(text);
    }

    /** Conservative: plain only where neither YAML 1.1 nor 1.2 could read another type or structure. */
    static boolean plain(String text) {
        if (text.isEmpty() || RESERVED.matcher(text).matches()) {
            return false;
        }
        char first = text.charAt(0);
        boolean safeStart = Character.isLetter(first) || first == '_' || first == '/' || first == '$'
                || first == '.' && text.length() > 1 && (Character.isLetter(text.charAt(1)) || text.charAt(1) == '_');
        char last = text.charAt(text.length() - 1);
        if (!safeStart || last == ' ' || last == ':') {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || !printable(c)
                    || c == ':' && text.charAt(i + 1) == ' ' || c == ' ' && text.charAt(i + 1) == '#') {
                return false;
            }
        }
        return true;
    }

    static String quoted(String text) {
        var q = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '"' -> q.append("\\\"");
                case '\\' -> q.append("\\\\");
                case '\n' -> q.append("\\n");
                case '\t' -> q.append("\\t");
                case '\r' -> q.append("\\r");
                default -> {
                    boolean pair = Character.isHighSurrogate(c) && i + 1 < text.length()
                            && Character.isLowSurrogate(text.charAt(i + 1));
                    if (pair) {
                        q.append(c).append(text.charAt(++i));
                    } else if (printable(c)) {
                        q.append(c);
                    } else {
                        q.append(String.format("\\u%04X", (int) c));
                    }
                }
            }
        }
        return q.append('"').toString();
    }

    /** YAML's printable set, less the characters YAML 1.1 reads as line breaks and the byte order mark. */
    private static boolean printable(int c) {
        return c >= 0x20 && c < 0x7F
                || c >= 0xA0 && (c < 0xD800 || c > 0xDFFF) && c != 0x2028 && c != 0x2029 && c != 0xFEFF && c != 0xFFFE && c != 0xFFFF;
    }
}
