package dev.sluice.server;

import dev.sluice.engine.plan.TriggerContext;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a push into pipelines, the one entry point for git's receive hook and forges' webhooks: one
 * {@code push} pipeline per updated branch or tag, none for a deleted ref, none when the push asked to skip CI;
 * a pushed branch's open merge requests get their merge-request pipelines first.
 */
final class PushPipelines {

    /**
     * GitLab's push options: {@code ci.skip}, and {@code ci.variable="NAME=value"} (repeatable) for pipeline
     * variables.
     */
    record PushOptions(boolean skipCi, Map<String, String> variables) {
        static final PushOptions NONE = new PushOptions(false, Map.of());

        PushOptions {
            variables = Map.copyOf(variables);
        }

        /** Reads {@code git push -o} values; unknown options are ignored, as GitLab ignores them. */
        static PushOptions parse(List<String> options) {
            boolean skip = false;
            var variables = new LinkedHashMap<String, String>();
            for (String option : options) {
                if (option.equals("ci.skip")) {
                    skip = true;
                } else if (option.startsWith("ci.variable=")) {
                    String assignment = unquote(option.substring("ci.variable=".length()));
                    int eq = assignment.indexOf('=');
                    if (eq > 0) {
                        variables.put(assignment.substring(0, eq), assignment.substring(eq + 1));
                    }
                }
            }
            return new PushOptions(skip, variables);
        }

        private static String unquote(String s) {
            return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
        }
    }

    /** What a push to a branch also does for the open merge requests whose source it is. */
    interface MergeRequestHook {
        MergeRequestHook NONE = (project, branch, sha) -> new Outcome(List.of(), true);

        /** @param branchPipeline false when the merge-request pipelines stand in for the branch pipeline */
        record Outcome(List<Pipelines.PipelineRow> pipelines, boolean branchPipeline) {
        }

        Outcome pushed(Projects.Project project, String branch, String sha) throws GitRepos.GitException;
    }

    private final PipelineRuns runs;
    private final MergeRequestHook mergeRequests;

    PushPipelines(PipelineRuns runs) {
        this(runs, MergeRequestHook.NONE);
    }

    PushPipelines(PipelineRuns runs, MergeRequestHook mergeRequests) {
        this.runs = runs;
        this.mergeRequests = mergeRequests;
    }

    /** The pipelines created, in the order of the updates. */
    List<Pipelines.PipelineRow> pushed(Projects.Project project, List<RefUpdate> updates, PushOptions options)
            throws GitRepos.GitException {
        var created = new ArrayList<Pipelines.PipelineRow>();
        if (options.skipCi()) {
            return created;
        }
        Path repo = Path.of(project.repoDir());
        for (RefUpdate update : updates) {
            Optional<String> name = update.name();
            if (name.isEmpty() || update.deleted()) {
                continue;
            }
            if (asksToSkip(GitRepos.commit(repo, update.newSha()).message())) {
                continue;
            }
            if (!update.tag()) {
                var outcome = mergeRequests.pushed(project, name.get(), update.newSha());
                created.addAll(outcome.pipelines());
                if (!outcome.branchPipeline()) {
                    continue;
                }
            }
            created.add(runs.create(project, trigger(repo, update, name.get(), options)));
        }
        return created;
    }

    /**
     * GitLab compares a branch push with the commit before it for {@code rules:changes}; for a new branch and for
     * tags the change set is unknown, and {@code rules:changes} is then true.
     */
    private static TriggerContext trigger(Path repo, RefUpdate update, String name, PushOptions options) {
        boolean known = !update.tag() && !update.oldSha().equals(TriggerContext.NO_SHA);
        return new TriggerContext(name, update.tag(), update.newSha(), update.oldSha(), "push",
                known ? changes(repo, update) : Optional.empty(), options.variables(), false, Optional.empty());
    }

    /** Unknown (so {@code rules:changes} is true) when the old commit is not here, e.g. a mirror never saw it. */
    private static Optional<List<String>> changes(Path repo, RefUpdate update) {
        try {
            return Optional.of(GitRepos.changedPaths(repo, update.oldSha(), update.newSha()));
        } catch (GitRepos.GitException e) {
            return Optional.empty();
        }
    }

    /** {@code [skip ci]} or {@code [ci skip]} anywhere in the head commit's message, in any case, as on GitLab. */
    static boolean asksToSkip(String message) {
        String lower = message.toLowerCase(Locale.ROOT);
        return lower.contains("[skip ci]") || lower.contains("[ci skip]");
    }
}
