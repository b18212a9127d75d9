package dev.sluice.config.yaml;

import java.math.BigInteger;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Resolves plain (unquoted, untagged) scalars as Ruby's Psych does, because GitLab reads YAML with
 * Psych (YAML 1.1): {@code yes/no/on/off} are booleans, {@code 0755} is octal, {@code 1:30} is 90.
 */
final class PsychScalars {

    private static final Pattern NULL = Pattern.compile("~|null|Null|NULL|");
    private static final Pattern TRUE = Pattern.compile("(?i)yes|true|on");
    private static final Pattern FALSE = Pattern.compile("(?i)no|false|off");
    private static final Pattern BINARY = Pattern.compile("([-+]?)0b([01_]+)");
    private static final Pattern OCTAL = Pattern.compile("([-+]?)0([0-7_]+)");
    private static final Pattern HEX = Pattern.compile("([-+]?)0x([0-9a-fA-F_]+)");
    private static final Pattern DECIMAL = Pattern.compile("[-+]?(?:0|[1-9](?:[0-9]|,[0-9]|_[0-9])*)");
    private static final Pattern SEXAGESIMAL = Pattern.compile("([-+]?)([0-9][0-9_]*(?::[0-5]?[0-9])+)");
    private static final Pattern FLOAT = Pattern.compile("[-+]?(?:[0-9][0-9_,]*)?\\.[0-9]*(?:[eE][-+][0-9]+)?");
    private static final Pattern INFINITY = Pattern.compile("([-+]?)\\.(?:inf|Inf|INF)");
    private static final Pattern NAN = Pattern.compile("\\.(?:nan|NaN|NAN)");

    private PsychScalars() {
    }

    static YScalar resolve(String text, dev.sluice.model.SourcePos pos) {
        if (NULL.matcher(text).matches()) {
            return YScalar.nullAt(pos);
        }
        if (text.length() <= 5) {
            if (TRUE.matcher(text).matches()) {
                return new YScalar("true", YScalar.Kind.BOOLEAN, pos);
            }
            if (FALSE.matcher(text).matches()) {
                return new YScalar("false", YScalar.Kind.BOOLEAN, pos);
            }
        }
        char first = text.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
            return YScalar.string(text, pos);
        }
        String integer = integer(text);
        if (integer != null) {
            return new YScalar(integer, YScalar.Kind.INTEGER, pos);
        }
        String real = real(text);
        if (real != null) {
            return new YScalar(real, YScalar.Kind.FLOAT, pos);
        }
        return YScalar.string(text, pos);
    }

    private static String integer(String text) {
        var m = BINARY.matcher(text);
        if (m.matches()) {
            return signed(m.group(1), new BigInteger(digits(m.group(2)), 2));
        }
        m = HEX.matcher(text);
        if (m.matches()) {
            return signed(m.group(1), new BigInteger(digits(m.group(2)), 16));
        }
        m = OCTAL.matcher(text);
        if (m.matches()) {
            return signed(m.group(1), new BigInteger(digits(m.group(2)), 8));
        }
        if (DECIMAL.matcher(text).matches()) {
            return new BigInteger(text.replace("_", "").replace(",", "").replace("+", "")).toString();
        }
        m = SEXAGESIMAL.matcher(text);
        if (m.matches()) {
            BigInteger total = BigInteger.ZERO;
            for (String part : digits(m.group(2)).split(":")) {
                total = total.multiply(BigInteger.valueOf(60)).add(new BigInteger(part));
            }
            return signed(m.group(1), total);
        }
        return null;
    }

    private static String real(String text) {
        if (NAN.matcher(text).matches()) {
            return "NaN";
        }
        var inf = INFINITY.matcher(text);
        if (inf.matches()) {
            return inf.group(1).equals("-") ? "-Infinity" : "Infinity";
        }
        if (!FLOAT.matcher(text).matches() || text.equals(".") || text.matches("[-+]?\\.")) {
            return null;
        }
        String clean = text.replace("_", "").replace(",", "");
        if (clean.endsWith(".")) {
            clean = clean + "0";
        }
        if (clean.startsWith(".") || clean.startsWith("-.") || clean.startsWith("+.")) {
            clean = clean.replace(".", "0.");
        }
        return rubyFloat(Double.parseDouble(clean));
    }

    /** Ruby's Float#to_s for the common cases: {@code 1.0}, {@code 0.5}, {@code 1.0e+20}. */
    static String rubyFloat(double d) {
        if (d == Math.rint(d) && Math.abs(d) < 1e16) {
            return String.format(Locale.ROOT, "%.1f", d);
        }
        String s = Double.toString(d);
        if (s.contains("E")) {
            String[] parts = s.split("E");
            String exp = parts[1].startsWith("-") ? parts[1] : "+" + parts[1];
            return parts[0] + "e" + (exp.length() == 2 ? exp.charAt(0) + "0" + exp.charAt(1) : exp);
        }
        return s;
    }

    private static String digits(String s) {
        return s.replace("_", "");
    }

    private static String signed(String sign, BigInteger value) {
        return (sign.equals("-") ? value.negate() : value).toString();
    }
}
