package dev.sluice.cli.run;

import dev.sluice.engine.plan.CommitInfo;
import dev.sluice.engine.plan.ProjectInfo;
import dev.sluice.engine.plan.TriggerContext;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What a local run is for: the directory whose files the jobs get, the project (from the
 * {@code origin} remote, else the directory's name), the commit, and the trigger context (ref,
 * before sha, changed paths, source). The jobs always run the work tree as it is; {@code --ref}
 * changes what the pipeline is for (rules, {@code CI_COMMIT_*}), not the files.
 *
 * <p>A local run has no push to compare with, so the before sha is the branch's upstream tip when
 * the branch has one that differs from HEAD (the pipeline a push would create), else HEAD's parent,
 * else none (a first commit: {@code rules:changes} is then always true, as for a new branch). The
 * changed paths are those between the before sha and the work tree, untracked files included.
 *
 * @param notes what the run decided that the user may not expect, printed before the run
 */
public record RunSource(Path root, ProjectInfo project, CommitInfo commit, TriggerContext context,
                        List<String> files, List<String> notes) {

    /** The directory's own runtime state: never copied into working copies, never listed. */
    public static final String STATE_DIR = ".sluice";

    private static final Pattern SCP_REMOTE = Pattern.compile("^(?:[^@/]+@)?([^:/]+):(.+?)(?:\\.git)?/?$");
    private static final Pattern URL_REMOTE = Pattern.compile("^[a-z+]+://(?:[^@/]+@)?([^/:]+)(?::\\d+)?/(.+?)(?:\\.git)?/?$");

    public RunSource {
        files = List.copyOf(files);
        notes = List.copyOf(notes);
    }

    /**
     * @param ref       {@code --ref}: a branch or tag name ({@code refs/heads/} or {@code refs/tags/} to be explicit)
     * @param source    the pipeline source ({@code push}, {@code web}, {@code merge_request_event}, ...)
     * @param untracked also give jobs the untracked files that are not ignored
     */
    public static RunSource inspect(Path dir, Optional<String> ref, String source, boolean untracked,
                                    Map<String, String> pipelineVariables) {
        Path root = dir.toAbsolutePath().normalize();
        Optional<GitRepository> git = GitRepository.open(root);
        return git.map(repo -> fromGit(root, repo, ref, source, untracked, pipelineVariables))
                .orElseGet(() -> withoutGit(root, ref, source, pipelineVariables));
    }

    private static RunSource fromGit(Path root, GitRepository git, Optional<String> refOption, String source,
                                     boolean untracked, Map<String, String> variables) {
        var notes = new java.util.ArrayList<String>();
        if (!git.isTopLevel()) {
            notes.add(root.getFileName() + " is inside the git repository " + git.topLevel()
                    + ": its files form the project (local/" + root.getFileName() + "), commit and ref come from that repository");
        }
        Optional<GitRepository.Commit> head = git.head();
        String sha = head.map(GitRepository.Commit::sha).orElse(TriggerContext.NO_SHA);
        String defaultBranch = git.defaultBranch().orElse("main");
        Ref ref = refOption.map(r -> Ref.parse(r, git)).orElseGet(() -> git.currentBranch().map(b -> new Ref(b, false))
                .or(() -> git.tagAtHead().map(t -> new Ref(t, true)))
                .orElseGet(() -> {
                    notes.add("HEAD is detached: the pipeline runs for the default branch " + defaultBranch);
                    return new Ref(defaultBranch, false);
                }));
        ProjectInfo project = project(root, git.isTopLevel() ? git.originUrl() : Optional.empty(), defaultBranch);
        CommitInfo commit = head.map(c -> new CommitInfo(c.sha(), c.message(), c.authorName(), c.authorEmail(), c.timestamp()))
                .orElseGet(() -> emptyCommit());
        List<String> files = git.files(untracked).stream().filter(RunSource::notState).toList();
        String before = ref.tag() ? TriggerContext.NO_SHA : git.upstream().filter(u -> !u.equals(sha))
                .or(() -> git.resolve("HEAD~1")).orElse(TriggerContext.NO_SHA);
        Optional<TriggerContext.MergeRequest> mr = Optional.empty();
        Optional<List<String>> changed = before.equals(TriggerContext.NO_SHA) ? Optional.empty()
                : Optional.of(changed(git.changedSince(before)));
        if (source.equals("merge_request_event")) {
            String base = git.mergeBase("HEAD", defaultBranch).orElse(TriggerContext.NO_SHA);
            mr = Optional.of(new TriggerContext.MergeRequest(1, 1, commit.title(), ref.name(), defaultBranch, base, List.of()));
            changed = base.equals(TriggerContext.NO_SHA) ? Optional.empty() : Optional.of(changed(git.changedSince(base)));
        }
        var context = new TriggerContext(ref.name(), ref.tag(), sha, before, source, changed, variables,
                !ref.tag() && ref.name().equals(defaultBranch), mr);
        return new RunSource(root, project, commit, context, files, notes);
    }

    private static RunSource withoutGit(Path root, Optional<String> refOption, String source, Map<String, String> variables) {
        Ref ref = refOption.map(r -> Ref.parse(r, null)).orElse(new Ref("main", false));
        ProjectInfo project = project(root, Optional.empty(), "main");
        var context = new TriggerContext(ref.name(), ref.tag(), TriggerContext.NO_SHA, TriggerContext.NO_SHA, source,
                Optional.empty(), variables, ref.name().equals("main"), Optional.empty());
        List<String> notes = List.of(root + " is not in a git repository: all its files form the project, on ref " + ref.name());
        return new RunSource(root, project, emptyCommit(), context, walk(root), notes);
    }

    /** A branch or a tag. */
    record Ref(String name, boolean tag) {
        static Ref parse(String text, GitRepository git) {
            if (text.startsWith("refs/tags/")) {
                return new Ref(text.substring("refs/tags/".length()), true);
            }
            if (text.startsWith("refs/heads/")) {
                return new Ref(text.substring("refs/heads/".length()), false);
            }
            return new Ref(text, git != null && git.hasTag(text) && !git.hasBranch(text));
        }
    }

    /** Namespace and name from the origin remote ({@code git@gitlab.com:group/sub/name.git}), else the directory name. */
    static ProjectInfo project(Path root, Optional<String> origin, String defaultBranch) {
        String fallbackName = root.getFileName() == null ? "project" : root.getFileName().toString();
        if (origin.isPresent()) {
            Matcher m = URL_REMOTE.matcher(origin.get());
            if (!m.matches()) {
                m = SCP_REMOTE.matcher(origin.get());
            }
            if (m.matches() && !origin.get().startsWith("/") && !origin.get().startsWith("file:")) {
                String path = m.group(2).replaceAll("^/+", "");
                int slash = path.lastIndexOf('/');
                String namespace = slash < 0 ? "" : path.substring(0, slash);
                return new ProjectInfo(1, namespace, path.substring(slash + 1), defaultBranch, "https://" + m.group(1));
            }
        }
        return new ProjectInfo(1, "local", fallbackName, defaultBranch, "http://localhost");
    }

    private static List<String> changed(List<String> paths) {
        return paths.stream().filter(RunSource::notState).toList();
    }

    private static boolean notState(String path) {
        return !path.equals(STATE_DIR) && !path.startsWith(STATE_DIR + "/");
    }

    private static CommitInfo emptyCommit() {
        return new CommitInfo(TriggerContext.NO_SHA, "", "sluice", "sluice@localhost", OffsetDateTime.now(ZoneOffset.UTC));
    }

    private static List<String> walk(Path root) {
        try (Stream<Path> paths = Files.walk(root)) {
            return paths.filter(p -> Files.isRegularFile(p) || Files.isSymbolicLink(p))
                    .map(p -> root.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> notState(p) && !p.equals(".git") && !p.startsWith(".git/"))
                    .sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + root, e);
        }
    }
}
