package dev.sluice.server;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * GitLab's rules for a project variable, with its error shape: each field's problems under that field
 * ({@code {"message": {"key": ["..."]}}}).
 */
final class VariableRules {

    private static final Pattern KEY = Pattern.compile("[a-zA-Z0-9_]+");
    /** GitLab: a masked, expanded value is the Base64 alphabet plus {@code @ : . ~}, 8 characters or more. */
    private static final Pattern MASKABLE = Pattern.compile("[a-zA-Z0-9_+=/@:.~-]{8,}");
    /** GitLab: a masked raw value may hold any characters but whitespace, 8 or more. */
    private static final Pattern MASKABLE_RAW = Pattern.compile("\\S{8,}");
    static final List<String> TYPES = List.of("env_var", "file");

    private VariableRules() {
    }

    /** Every problem of the variable; empty when it is valid. */
    static Map<String, List<String>> problems(ProjectVariables.Variable v) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (v.key().isEmpty()) {
            add(out, "key", "can't be blank");
        } else if (!KEY.matcher(v.key()).matches()) {
            add(out, "key", "can contain only letters, digits and '_'.");
        }
        if (v.key().length() > 255) {
            add(out, "key", "is too long (maximum is 255 characters)");
        }
        if (!TYPES.contains(v.variableType())) {
            add(out, "variable_type", "does not have a valid value (env_var or file)");
        }
        if (v.environmentScope().isEmpty() || v.environmentScope().length() > 255) {
            add(out, "environment_scope", "must be '*', an environment name or a pattern, at most 255 characters");
        }
        if (v.masked() && !(v.raw() ? MASKABLE_RAW : MASKABLE).matcher(v.value()).matches()) {
            add(out, "value", v.raw()
                    ? "is invalid: a masked raw value must be one line of 8 or more characters without spaces"
                    : "is invalid: a masked value must be 8 or more characters from a-z A-Z 0-9 _ + = / @ : . ~ -"
                            + " (no spaces, no $ references; mark it raw to allow other characters)");
        }
        return out;
    }

    private static void add(Map<String, List<String>> out, String field, String message) {
        out.computeIfAbsent(field, f -> new ArrayList<>()).add(message);
    }
}
