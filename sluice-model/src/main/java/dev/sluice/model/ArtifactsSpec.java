package dev.sluice.model;

import java.util.List;
import java.util.Objects;

/**
 * What a job uploads as artifacts. The archive follows {@code when}; reports are uploaded whatever the
 * job's result, as GitLab does.
 *
 * @param name      the archive's download name ({@code artifacts} by default)
 * @param paths     globs relative to the project directory ({@code **} allowed); a directory means its tree
 * @param exclude   globs of files to leave out; not recursive by themselves ({@code dir/**} excludes a tree)
 * @param untracked also add every file git does not track, ignoring {@code .gitignore}
 * @param expireIn  as written in the YAML; empty when unset
 */
public record ArtifactsSpec(String name, List<String> paths, List<String> exclude, boolean untracked,
                            UploadWhen when, String expireIn, List<ReportSpec> reports) {

    /** One {@code artifacts:reports} entry, e.g. {@code dotenv: [build.env]}. */
    public record ReportSpec(String type, List<String> paths) {
        public ReportSpec {
            Objects.requireNonNull(type);
            paths = List.copyOf(paths);
        }
    }

    public ArtifactsSpec {
        name = name == null || name.isEmpty() ? "artifacts" : name;
        paths = List.copyOf(paths);
        exclude = List.copyOf(exclude);
        when = when == null ? UploadWhen.ON_SUCCESS : when;
        expireIn = expireIn == null ? "" : expireIn;
        reports = List.copyOf(reports);
    }

    public static ArtifactsSpec ofPaths(String... paths) {
        return new ArtifactsSpec("artifacts", List.of(paths), List.of(), false, UploadWhen.ON_SUCCESS, "", List.of());
    }

    /** Whether there is an archive to build (paths or untracked), reports aside. */
    public boolean hasArchive() {
        return !paths.isEmpty() || untracked;
    }

    public List<String> reportPaths(String type) {
        return reports.stream().filter(r -> r.type().equals(type)).flatMap(r -> r.paths().stream()).toList();
    }

    public ArtifactsSpec withExclude(String... globs) {
        return new ArtifactsSpec(name, paths, List.of(globs), untracked, when, expireIn, reports);
    }

    public ArtifactsSpec withUntracked(boolean value) {
        return new ArtifactsSpec(name, paths, exclude, value, when, expireIn, reports);
    }

    public ArtifactsSpec withWhen(UploadWhen value) {
        return new ArtifactsSpec(name, paths, exclude, untracked, value, expireIn, reports);
    }

    public ArtifactsSpec withReport(String type, String... reportPaths) {
        var all = new java.util.ArrayList<>(reports);
        all.add(new ReportSpec(type, List.of(reportPaths)));
        return new ArtifactsSpec(name, paths, exclude, untracked, when, expireIn, all);
    }
}
