package dev.sluice.config.expr;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites an RE2 pattern as a java.util.regex pattern with the same meaning (compiled with
 * {@code UNIX_LINES}, so only {@code \n} ends a line, as in RE2), rejecting what RE2 rejects.
 * The differences handled: RE2's {@code $} outside multi-line mode is {@code \z}; {@code U} swaps
 * greedy and lazy quantifiers; {@code \s} has no vertical tab; {@code \v} is the vertical tab;
 * {@code [:alpha:]} classes; {@code \p{Greek}} scripts; {@code (?P<name>)}; octal escapes; a
 * {@code {} that is not a repetition is a literal; {@code [} and {@code &&} inside a class are
 * literals. Backreferences, look-around, possessive and atomic forms are errors, as in RE2.
 */
final class Re2Translator {

    /** Why RE2 would reject the pattern, in RE2's words where possible. */
    static final class SyntaxError extends Exception {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private record Flags(boolean multiLine, boolean ungreedy) {
    }

    private static final Pattern REPEAT = Pattern.compile("\\{(\\d+)(,(\\d*))?}");
    private static final int MAX_REPEAT = 1000;
    private static final Set<String> CATEGORIES = Set.of("C", "Cc", "Cf", "Co", "Cs", "L", "Ll", "Lm", "Lo", "Lt",
            "Lu", "M", "Mc", "Me", "Mn", "N", "Nd", "Nl", "No", "P", "Pc", "Pd", "Pe", "Pf", "Pi", "Po", "Ps", "S",
            "Sc", "Sk", "Sm", "So", "Z", "Zl", "Zp", "Zs");
    private static final Map<String, String> POSIX = Map.ofEntries(Map.entry("alnum", "\\p{Alnum}"),
            Map.entry("alpha", "\\p{Alpha}"), Map.entry("ascii", "\\p{ASCII}"), Map.entry("blank", "\\p{Blank}"),
            Map.entry("cntrl", "\\p{Cntrl}"), Map.entry("digit", "\\p{Digit}"), Map.entry("graph", "\\p{Graph}"),
            Map.entry("lower", "\\p{Lower}"), Map.entry("print", "\\p{Print}"), Map.entry("punct", "\\p{Punct}"),
            Map.entry("space", "[\\t\\n\\x0B\\f\\r ]"), Map.entry("upper", "\\p{Upper}"), Map.entry("word", "\\w"),
            Map.entry("xdigit", "\\p{XDigit}"));
    private static final String SPACE = "\\t\\n\\f\\r ";

    private final String src;
    private final StringBuilder out = new StringBuilder();
    private final Deque<Flags> groups = new ArrayDeque<>();
    private Flags flags = new Flags(false, false);
    private int i;
    private boolean canRepeat;

    Re2Translator(String src) {
        this.src = src;
    }

    String translate() throws SyntaxError {
        while (i < src.length()) {
            char c = src.charAt(i);
            switch (c) {
                case '\\' -> escape(false);
                case '[' -> charClass();
                case '(' -> openGroup();
                case ')' -> closeGroup();
                case '*', '+', '?' -> {
                    i++;
                    quantifier(String.valueOf(c));
                }
                case '{' -> brace();
                case '|' -> append("|", false);
                case '$' -> append(flags.multiLine() ? "$" : "\\z", true);
                case '}' -> append("\\}", true);
                default -> append(String.valueOf(c), true);
            }
        }
        if (!groups.isEmpty()) {
            throw new SyntaxError("missing closing ): " + src);
        }
        return out.toString();
    }

    /** Consumes one character of the source and writes {@code text} for it. */
    private void append(String text, boolean repeatable) {
        i++;
        out.append(text);
        canRepeat = repeatable;
    }

    private void quantifier(String op) throws SyntaxError {
        if (!canRepeat) {
            throw new SyntaxError("missing argument to repetition operator: " + op);
        }
        boolean lazy = i < src.length() && src.charAt(i) == '?';
        if (lazy) {
            i++;
        }
        if (i < src.length() && ("*+?".indexOf(src.charAt(i)) >= 0 || repetitionAt(i) != null)) {
            throw new SyntaxError("bad repetition operator: " + op + (lazy ? "?" : "") + src.charAt(i));
        }
        out.append(op);
        if (lazy != flags.ungreedy()) {
            out.append('?');
        }
        canRepeat = false;
    }

    private Matcher repetitionAt(int at) {
        Matcher m = REPEAT.matcher(src).region(at, src.length());
        return m.lookingAt() ? m : null;
    }

    private void brace() throws SyntaxError {
        Matcher m = repetitionAt(i);
        if (m == null) {
            append("\\{", true);
            return;
        }
        int min = count(m.group(1));
        int max = m.group(2) == null ? min : m.group(3).isEmpty() ? -1 : count(m.group(3));
        if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
            throw new SyntaxError("bad repetition operator: " + m.group());
        }
        i = m.end();
        quantifier(m.group());
    }

    private static int count(String digits) {
        return digits.length() > 5 ? Integer.MAX_VALUE : Integer.parseInt(digits);
    }

    private void openGroup() throws SyntaxError {
        i++;
        if (!at("?")) {
            groups.push(flags);
            out.append('(');
            canRepeat = false;
            return;
        }
        i++;
        if (at("P<") || (at("<") && !at("<=") && !at("<!"))) {
            namedGroup();
            return;
        }
        if (at("P=") || at("=") || at("!") || at("<") || at(">") || at("#")) {
            throw new SyntaxError("invalid or unsupported Perl syntax: (?" + src.charAt(i));
        }
        inlineFlags();
    }

    private void namedGroup() throws SyntaxError {
        int start = i - 2;
        i += at("P") ? 2 : 1;
        int end = src.indexOf('>', i);
        if (end < 0 || end == i || !src.substring(i, end).matches("\\w+")) {
            throw new SyntaxError("invalid named capture group: " + src.substring(start, Math.min(src.length(), end < 0 ? src.length() : end + 1)));
        }
        i = end + 1;
        // Java group names cannot hold '_'; RE2 has no backreferences, so the name is not needed.
        groups.push(flags);
        out.append('(');
        canRepeat = false;
    }

    private void inlineFlags() throws SyntaxError {
        int start = i - 2;
        boolean negated = false;
        boolean any = false;
        boolean multiLine = flags.multiLine();
        boolean ungreedy = flags.ungreedy();
        StringBuilder on = new StringBuilder();
        StringBuilder off = new StringBuilder();
        while (true) {
            if (i >= src.length()) {
                throw new SyntaxError("missing closing ): " + src.substring(start));
            }
            char c = src.charAt(i++);
            if (c == ')' || c == ':') {
                if (!any) {
                    throw new SyntaxError("invalid or unsupported Perl syntax: " + src.substring(start, i));
                }
                String java = on + (off.isEmpty() ? "" : "-" + off);
                Flags inner = new Flags(multiLine, ungreedy);
                if (c == ':') {
                    groups.push(flags);
                    flags = inner;
                    out.append("(?").append(java).append(':');
                } else {
                    flags = inner;
                    if (!java.isEmpty()) {
                        out.append("(?").append(java).append(')');
                    }
                }
                canRepeat = false;
                return;
            }
            switch (c) {
                case '-' -> {
                    if (negated) {
                        throw new SyntaxError("invalid or unsupported Perl syntax: " + src.substring(start, i));
                    }
                    negated = true;
                    any = false;
                }
                case 'i', 'm', 's' -> {
                    (negated ? off : on).append(c == 'i' && !negated ? "iu" : String.valueOf(c));
                    if (c == 'm') {
                        multiLine = !negated;
                    }
                    any = true;
                }
                case 'U' -> {
                    ungreedy = !negated;
                    any = true;
                }
                default -> throw new SyntaxError("invalid or unsupported Perl syntax: " + src.substring(start, i));
            }
        }
    }

    private void closeGroup() throws SyntaxError {
        if (groups.isEmpty()) {
            throw new SyntaxError("unexpected ): " + src);
        }
        flags = groups.pop();
        i++;
        out.append(')');
        canRepeat = true;
    }

    private void charClass() throws SyntaxError {
        int start = i++;
        out.append('[');
        if (at("^")) {
            out.append('^');
            i++;
        }
        boolean first = true;
        while (true) {
            if (i >= src.length()) {
                throw new SyntaxError("missing closing ]: " + src.substring(start));
            }
            char c = src.charAt(i);
            if (c == ']' && !first) {
                i++;
                out.append(']');
                break;
            }
            first = false;
            if (at("[:")) {
                posixClass();
            } else if (c == '\\') {
                escape(true);
            } else if (c == '[' || c == '&' || c == ']' || c == '^') {
                out.append('\\').append(c);
                i++;
            } else {
                out.append(c);
                i++;
            }
        }
        canRepeat = true;
    }

    private void posixClass() throws SyntaxError {
        int end = src.indexOf(":]", i + 2);
        String name = end < 0 ? "" : src.substring(i + 2, end);
        boolean negated = name.startsWith("^");
        String java = POSIX.get(negated ? name.substring(1) : name);
        if (java == null) {
            throw new SyntaxError("invalid character class range: " + src.substring(i, end < 0 ? src.length() : end + 2));
        }
        out.append(negated ? "[^" + java + "]" : java);
        i = end + 2;
    }

    private void escape(boolean inClass) throws SyntaxError {
        if (i + 1 >= src.length()) {
            throw new SyntaxError("trailing \\");
        }
        char c = src.charAt(i + 1);
        i += 2;
        canRepeat = true;
        switch (c) {
            case '1', '2', '3', '4', '5', '6', '7' -> {
                if (!at("0") && !at("1") && !at("2") && !at("3") && !at("4") && !at("5") && !at("6") && !at("7")) {
                    throw new SyntaxError("invalid escape sequence: \\" + c + " (backreferences are not supported)");
                }
                octal(c);
            }
            case '0' -> octal(c);
            case 'x' -> literal(hex());
            case 'a' -> literal(0x07);
            case 'v' -> literal(0x0B);
            case 'f', 't', 'n', 'r', 'd', 'D', 'w', 'W' -> out.append('\\').append(c);
            case 's' -> out.append(inClass ? SPACE : "[" + SPACE + "]");
            case 'S' -> out.append("[^" + SPACE + "]");
            case 'p', 'P' -> unicodeClass(c == 'P');
            case 'A', 'z', 'b', 'B', 'Q', 'C' -> {
                if (inClass) {
                    throw new SyntaxError("invalid escape sequence: \\" + c);
                }
                switch (c) {
                    case 'Q' -> quoted();
                    case 'C' -> out.append("(?s:.)");
                    default -> out.append('\\').append(c);
                }
            }
            default -> {
                if (c < 0x80 && !Character.isLetterOrDigit(c) && c != '_') {
                    literal(c);
                } else {
                    throw new SyntaxError("invalid escape sequence: \\" + c);
                }
            }
        }
    }

    private void octal(char first) {
        int value = first - '0';
        for (int n = 0; n < 2 && i < src.length() && src.charAt(i) >= '0' && src.charAt(i) <= '7'; n++) {
            value = value * 8 + (src.charAt(i++) - '0');
        }
        literal(value);
    }

    private int hex() throws SyntaxError {
        String digits;
        if (at("{")) {
            int end = src.indexOf('}', i);
            if (end < 0) {
                throw new SyntaxError("invalid escape sequence: \\x" + src.substring(i));
            }
            digits = src.substring(i + 1, end);
            i = end + 1;
        } else {
            digits = src.substring(i, Math.min(src.length(), i + 2));
            i += digits.length();
            if (digits.length() < 2) {
                throw new SyntaxError("invalid escape sequence: \\x" + digits);
            }
        }
        if (digits.isEmpty() || digits.length() > 8 || !digits.matches("[0-9A-Fa-f]+")
                || Long.parseLong(digits, 16) > Character.MAX_CODE_POINT) {
            throw new SyntaxError("invalid escape sequence: \\x" + digits);
        }
        return Integer.parseInt(digits, 16);
    }

    private void unicodeClass(boolean negated) throws SyntaxError {
        String name;
        if (at("{")) {
            int end = src.indexOf('}', i);
            if (end < 0) {
                throw new SyntaxError("invalid character class range: \\p" + src.substring(i));
            }
            name = src.substring(i + 1, end);
            i = end + 1;
        } else if (i < src.length()) {
            name = String.valueOf(src.charAt(i++));
        } else {
            throw new SyntaxError("invalid character class range: \\p");
        }
        if (name.startsWith("^")) {
            negated = !negated;
            name = name.substring(1);
        }
        if (!name.matches("[A-Za-z_]+")) {
            throw new SyntaxError("invalid character class range: \\p{" + name + "}");
        }
        if (name.equals("Any")) {
            out.append(negated ? "[^\\x{0}-\\x{10FFFF}]" : "[\\x{0}-\\x{10FFFF}]");
            return;
        }
        out.append(negated ? "\\P{" : "\\p{").append(CATEGORIES.contains(name) ? name : "Is" + name).append('}');
    }

    private void quoted() {
        int end = src.indexOf("\\E", i);
        String text = src.substring(i, end < 0 ? src.length() : end);
        i = end < 0 ? src.length() : end + 2;
        text.codePoints().forEach(this::literal);
    }

    private void literal(int codePoint) {
        if (codePoint < 0x80 && Character.isLetterOrDigit(codePoint)) {
            out.append((char) codePoint);
        } else {
            out.append("\\x{").append(Integer.toHexString(codePoint)).append('}');
        }
    }

    private boolean at(String text) {
        return src.startsWith(text, i);
    }
}
