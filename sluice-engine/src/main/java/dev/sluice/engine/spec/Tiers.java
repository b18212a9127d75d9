package dev.sluice.engine.spec;

import java.util.Locale;
import java.util.regex.Pattern;

/** GitLab's guess of an environment's deployment tier from its name, when {@code deployment_tier} is not set. */
final class Tiers {

    private static final Pattern DEVELOPMENT = Pattern.compile("(dev|review|trunk)");
    private static final Pattern TESTING = Pattern.compile("(test|tst|int|ac(ce|)pt|qa|qc|control|quality)");
    private static final Pattern STAGING = Pattern.compile("(st(a|)g|mod(e|)l|pre|demo|non)");
    private static final Pattern PRODUCTION = Pattern.compile("(pr(o|)d|live)");

    private Tiers() {
    }

    static String guess(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        if (DEVELOPMENT.matcher(n).find()) {
            return "development";
        }
        if (TESTING.matcher(n).find()) {
            return "testing";
        }
        if (STAGING.matcher(n).find()) {
            return "staging";
        }
        if (PRODUCTION.matcher(n).find()) {
            return "production";
        }
        return "other";
    }
}
