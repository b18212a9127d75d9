package dev.sluice.cli;

import dev.sluice.config.CompileResult;

/** The last line of {@code sluice lint}: {@code .gitlab-ci.yml: valid (2 warnings)} or {@code ...: invalid: 3 errors, 1 warning}. */
final class Summary {

    private Summary() {
    }

    static String line(String file, CompileResult result) {
        int errors = result.errors().size();
        int warnings = result.warnings().size();
        if (errors == 0) {
            return file + ": valid" + (warnings == 0 ? "" : " (" + count(warnings, "warning") + ")");
        }
        return file + ": invalid: " + count(errors, "error") + (warnings == 0 ? "" : ", " + count(warnings, "warning"));
    }

    static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
