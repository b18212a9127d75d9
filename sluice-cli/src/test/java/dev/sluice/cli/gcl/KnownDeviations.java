package dev.sluice.cli.gcl;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code gitlab-ci-local/known-deviations.tsv}: {@code case<TAB>run<TAB>reason} for each recorded run
 * where Sluice follows GitLab and gitlab-ci-local does not. {@code run} is the run's test name.
 */
record KnownDeviations(Map<String, String> reasons) {

    static final String RESOURCE = "/gitlab-ci-local/known-deviations.tsv";

    static KnownDeviations load() {
        Map<String, String> reasons = new LinkedHashMap<>();
        try (var in = KnownDeviations.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource " + RESOURCE);
            }
            int n = 0;
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                n++;
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cols = line.split("\t");
                if (cols.length != 3 || cols[2].isBlank()) {
                    throw new IllegalStateException(RESOURCE + ":" + n + ": expected case<TAB>run<TAB>reason");
                }
                reasons.put(key(cols[0], cols[1]), cols[2]);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new KnownDeviations(reasons);
    }

    static String key(String caseName, String run) {
        return caseName + "\t" + run;
    }

    java.util.Optional<String> reason(GclRun run) {
        return java.util.Optional.ofNullable(reasons.get(key(run.caseName(), run.test())));
    }
}
