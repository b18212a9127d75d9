package dev.sluice.config.keywords;

import dev.sluice.config.model.Artifacts;
import dev.sluice.config.model.When;
import dev.sluice.config.yaml.YMap;
import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * {@code artifacts}: {@code paths, exclude, untracked, when, expire_in, name, expose_as, public, access,
 * reports}. {@code public: false} reads as {@code access: developer}, {@code public: true} as {@code all}.
 */
public final class ArtifactsKeyword {

    private static final List<String> KEYS = List.of("name", "untracked", "paths", "reports", "when", "expire_in",
            "expose_as", "exclude", "public", "access");
    private static final List<String> ACCESS = List.of("all", "developer", "maintainer", "none");
    private static final Pattern EXPOSE_AS = Pattern.compile("\\w[-\\w ]*", Pattern.UNICODE_CHARACTER_CLASS);
    /** Reports taking a path or a list of paths ({@code performance} was removed in GitLab 15.0). */
    private static final List<String> PATH_REPORTS = List.of("junit", "codequality", "sast", "secret_detection",
            "dependency_scanning", "container_scanning", "dast", "license_scanning", "metrics", "lsif", "dotenv",
            "terraform", "accessibility", "coverage_fuzzing", "api_fuzzing", "cluster_image_scanning",
            "requirements", "requirements_v2", "cyclonedx", "annotations", "repository_xray");
    /** Reports taking exactly one path, as GitLab's schema has them. */
    private static final List<String> SINGLE_PATH_REPORTS = List.of("browser_performance", "load_performance");
    private static final String COVERAGE_REPORT = "coverage_report";

    private ArtifactsKeyword() {
    }

    public static Optional<Artifacts> read(YNode node, At at) {
        Optional<YMap> found = at.map(node);
        if (found.isEmpty()) {
            return Optional.empty();
        }
        YMap map = found.get();
        boolean ok = at.onlyKeys(map, KEYS);
        Optional<String> name = map.get("name").flatMap(n -> at.child("name").string(n));
        Optional<Boolean> untracked = map.get("untracked").flatMap(n -> at.child("untracked").bool(n));
        Optional<List<String>> paths = map.get("paths").flatMap(n -> at.child("paths").strings(n));
        Optional<List<String>> exclude = map.get("exclude").flatMap(n -> at.child("exclude").strings(n));
        Optional<When> when = map.get("when").flatMap(n -> WhenKeyword.read(n, at.child("when"),
                Set.of(When.ON_SUCCESS, When.ON_FAILURE, When.ALWAYS)));
        Optional<String> expireIn = map.get("expire_in").flatMap(n -> DurationKeyword.readOrNever(n, at.child("expire_in")));
        Optional<Boolean> isPublic = map.get("public").flatMap(n -> at.child("public").bool(n));
        Optional<String> access = map.get("access").flatMap(n -> at.child("access").oneOf(n, ACCESS));
        ok &= present(map, "name", name) && present(map, "untracked", untracked) && present(map, "paths", paths)
                && present(map, "exclude", exclude) && present(map, "when", when)
                && present(map, "expire_in", expireIn) && present(map, "public", isPublic)
                && present(map, "access", access);
        if (map.has("public") && map.has("access")) {
            at.error(map, "conflicting-keys", at.path() + " config these keys cannot be used together: public, access");
            ok = false;
        }
        Optional<String> exposeAs = Optional.empty();
        if (map.get("expose_as").isPresent()) {
            exposeAs = exposeAs(map, paths, at);
            ok &= exposeAs.isPresent();
        }
        Map<String, List<String>> reports = new LinkedHashMap<>();
        Optional<String> coverageFormat = Optional.empty();
        if (map.get("reports").isPresent()) {
            At r = at.child("reports");
            Optional<YMap> reportMap = r.map(map.get("reports").get());
            ok &= reportMap.isPresent();
            if (reportMap.isPresent()) {
                ok &= readReports(reportMap.get(), r, reports);
                coverageFormat = reportMap.get().get(COVERAGE_REPORT)
                        .flatMap(n -> n instanceof YMap m ? m.get("coverage_format") : Optional.empty())
                        .flatMap(n -> n instanceof YScalar s ? Optional.of(s.value()) : Optional.empty());
            }
        }
        if (!ok) {
            return Optional.empty();
        }
        return Optional.of(new Artifacts(paths.orElse(List.of()), exclude.orElse(List.of()), untracked.orElse(false),
                when.orElse(When.ON_SUCCESS), expireIn, name, exposeAs,
                access.or(() -> isPublic.map(p -> p ? "all" : "developer")), reports, coverageFormat));
    }

    /** {@code expose_as}: a label of letters, digits, '-', '_' and spaces, over {@code paths} without globs. */
    private static Optional<String> exposeAs(YMap map, Optional<List<String>> paths, At at) {
        At here = at.child("expose_as");
        YNode node = map.get("expose_as").orElseThrow();
        Optional<String> label = here.string(node);
        boolean ok = label.isPresent();
        if (label.isPresent() && (label.get().length() > 100 || !EXPOSE_AS.matcher(label.get()).matches())) {
            here.error(node, "invalid-value", here.path()
                    + " config can contain only letters, digits, '-', '_' and spaces (at most 100 characters)");
            ok = false;
        }
        if (!map.has("paths")) {
            at.error(map, "missing-key", at.path() + " config missing required key 'paths' (needed by expose_as)");
            ok = false;
        } else if (paths.isPresent() && paths.get().stream().anyMatch(p -> p.contains("*"))) {
            at.error(map.get("paths").get(), "invalid-value", at.path() + ":paths config can't contain '*' when used with 'expose_as'");
            ok = false;
        }
        return ok ? label : Optional.empty();
    }

    private static boolean readReports(YMap map, At at, Map<String, List<String>> reports) {
        List<String> known = new ArrayList<>(PATH_REPORTS);
        known.addAll(SINGLE_PATH_REPORTS);
        known.add(COVERAGE_REPORT);
        boolean ok = at.onlyKeys(map, known);
        for (YMap.Entry e : map.entries()) {
            At here = at.child(e.key());
            Optional<List<String>> files = Optional.empty();
            if (PATH_REPORTS.contains(e.key())) {
                files = here.stringOrStrings(e.value());
            } else if (SINGLE_PATH_REPORTS.contains(e.key())) {
                files = here.string(e.value()).map(List::of);
            } else if (e.key().equals(COVERAGE_REPORT)) {
                files = coverageReport(e.value(), here);
            } else {
                continue;
            }
            files.ifPresent(f -> reports.put(e.key(), f));
            ok &= files.isPresent();
        }
        return ok;
    }

    /** {@code coverage_report: {coverage_format: cobertura|jacoco, path}}; null means none. */
    private static Optional<List<String>> coverageReport(YNode node, At at) {
        if (node.isNull()) {
            return Optional.of(List.of());
        }
        Optional<YMap> map = at.map(node);
        if (map.isEmpty()) {
            return Optional.empty();
        }
        boolean ok = at.onlyKeys(map.get(), List.of("coverage_format", "path"));
        ok &= at.requireKey(map.get(), "coverage_format") & at.requireKey(map.get(), "path");
        Optional<String> format = map.get().get("coverage_format")
                .flatMap(n -> at.child("coverage_format").oneOf(n, List.of("cobertura", "jacoco")));
        Optional<String> path = map.get().get("path").flatMap(n -> at.child("path").string(n));
        return ok && format.isPresent() && path.isPresent() ? Optional.of(List.of(path.get())) : Optional.empty();
    }

    private static boolean present(YMap map, String key, Optional<?> read) {
        return map.get(key).isEmpty() || read.isPresent();
    }
}
