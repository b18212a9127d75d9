package dev.sluice.server;

import dev.sluice.server.web.Accounts;
import dev.sluice.server.web.MergeRequestControl;
import dev.sluice.server.web.Refused;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The merge request pages' questions and actions, answered by the stores, the {@link MergeGate} and
 * {@link MergeRequestActions}: the pages make no merge decision of their own.
 */
final class WebMergeRequests implements MergeRequestControl {

    /** How many commits the page lists; the diff shows them all. */
    private static final int COMMITS = 100;

    private final Projects projects;
    private final Users users;
    private final MergeRequests mergeRequests;
    private final Pipelines pipelines;
    private final MergeGate gate;
    private final MergeRequestActions actions;
    private final MergeRequestChanges changes;

    WebMergeRequests(Projects projects, Users users, MergeRequests mergeRequests, Pipelines pipelines, MergeGate gate,
                     MergeRequestActions actions, MergeRequestChanges changes) {
        this.projects = projects;
        this.users = users;
        this.mergeRequests = mergeRequests;
        this.pipelines = pipelines;
        this.gate = gate;
        this.actions = actions;
        this.changes = changes;
    }

    /**
     * The pages' merge requests, acting through a {@link MergeRequestActions} and {@link MergeRequestChanges} of their
     * own on the REST API's parts.
     */
    static WebMergeRequests of(Projects projects, Users users, Permissions permissions, MergeRequests mergeRequests,
                               MergeSettings settings, Pipelines pipelines, MergeGate gate, PushPipelines pushes,
                               MergeRequestPipelines mrPipelines) {
        var clock = java.time.Clock.systemUTC();
        return new WebMergeRequests(projects, users, mergeRequests, pipelines, gate, new MergeRequestActions(permissions,
                mergeRequests, settings, gate, new Merger(mergeRequests, settings, pushes, clock), clock),
                new MergeRequestChanges(permissions, mergeRequests, mrPipelines, pipelines, clock));
    }

    @Override
    public Listing list(long projectId, String state, int page, int size) {
        var rows = mergeRequests.list(projectId, state, (long) (page - 1) * size, size + 1);
        return new Listing(rows.stream().limit(size).map(mr -> new Summary(mr.iid(), mr.title(), mr.state(), username(mr.authorId()),
                mr.sourceBranch(), mr.targetBranch(), mr.updatedAt())).toList(), rows.size() > size);
    }

    @Override
    public Optional<Detail> find(long projectId, long iid, Accounts.Person viewer) {
        var project = projects.find(projectId);
        var mr = mergeRequests.find(projectId, iid);
        if (project.isEmpty() || mr.isEmpty()) {
            return Optional.empty();
        }
        var m = mr.get();
        var user = user(viewer);
        var check = gate.check(project.get(), m);
        Path repo = Path.of(project.get().repoDir());
        Optional<String> base = base(repo, m, check.head());
        var commits = base.map(b -> log(repo, b, check.head())).orElse(List.of());
        String diff = base.map(b -> diff(repo, b, check.head())).orElse("");
        var approvals = check.approvals();
        return Optional.of(new Detail(m.iid(), m.title(), m.description(), username(m.authorId()), m.sourceBranch(), m.targetBranch(),
                m.state(), m.createdAt(), check.head(), commits, diff,
                MergeRequestApi.pipelinesOf(pipelines, m).stream().map(p -> new Pipeline(p.id(), p.status(), p.ref(), p.sha())).toList(),
                approvals.given().stream().map(a -> username(a.userId())).toList(), approvals.required(), approvals.left(),
                approvals.given().stream().anyMatch(a -> a.userId() == user.id()), actions.mayApprove(project.get(), m, user),
                actions.mayMerge(project.get(), m, user), check.problems().stream().map(MergeGate.Problem::reason).toList(),
                m.mergedBy() == null ? null : username(m.mergedBy()), m.mergedAt(), m.mergeCommitSha(), mergeRequests.notes(m.id()).stream()
                        .map(n -> new Note(username(n.authorId()), n.body(), n.createdAt())).toList()));
    }

    @Override
    public Optional<String> approve(long projectId, long iid, Accounts.Person viewer, String sha) {
        return act(projectId, iid, (project, mr) -> actions.approve(project, mr, user(viewer), given(sha)));
    }

    @Override
    public Optional<String> unapprove(long projectId, long iid, Accounts.Person viewer) {
        return act(projectId, iid, (project, mr) -> actions.unapprove(mr, user(viewer)));
    }

    @Override
    public Optional<String> merge(long projectId, long iid, Accounts.Person viewer, String sha) {
        return act(projectId, iid, (project, mr) -> actions.merge(project, mr, user(viewer), given(sha)));
    }

    @Override
    public boolean mayWrite(long projectId, Accounts.Person viewer) {
        return projects.find(projectId).map(p -> changes.mayWrite(p, user(viewer))).orElse(false);
    }

    @Override
    public long open(long projectId, Accounts.Person viewer, Draft draft) {
        var project = projects.find(projectId).orElseThrow();
        try {
            return changes.open(project, user(viewer), draft.sourceBranch(), draft.targetBranch(), draft.title(),
                    draft.description() == null ? "" : draft.description()).iid();
        } catch (RunnerApi.Refused e) {
            throw new Refused(reason(e));
        } catch (GitRepos.GitException e) {
            throw new Refused(e.getMessage());
        }
    }

    @Override
    public Optional<String> edit(long projectId, long iid, Accounts.Person viewer, String title, String description) {
        return act(projectId, iid, (project, mr) -> changes.update(project, mr, user(viewer), Optional.ofNullable(title),
                Optional.ofNullable(description), Optional.empty()));
    }

    @Override
    public Optional<String> changeState(long projectId, long iid, Accounts.Person viewer, String event) {
        return act(projectId, iid, (project, mr) -> changes.update(project, mr, user(viewer), Optional.empty(), Optional.empty(),
                Optional.of(event)));
    }

    @Override
    public Optional<String> comment(long projectId, long iid, Accounts.Person viewer, String body) {
        return act(projectId, iid, (project, mr) -> changes.note(mr, user(viewer), body));
    }

    private interface Action {
        void on(Projects.Project project, MergeRequests.MergeRequest mr) throws GitRepos.GitException;
    }

    /** Runs the action; a refusal comes back as its reason without the REST API's status prefix. */
    private Optional<String> act(long projectId, long iid, Action action) {
        var project = projects.find(projectId).orElseThrow();
        var mr = mergeRequests.find(projectId, iid);
        if (mr.isEmpty()) {
            return Optional.of("there is no merge request !" + iid);
        }
        try {
            action.on(project, mr.get());
            return Optional.empty();
        } catch (RunnerApi.Refused e) {
            return Optional.of(reason(e));
        } catch (GitRepos.GitException e) {
            return Optional.of(e.getMessage());
        }
    }

    /** A refusal's reason without the REST API's status prefix. */
    private static String reason(RunnerApi.Refused e) {
        String why = e.getMessage();
        int dash = why.indexOf(" - ");
        return dash < 0 ? why : why.substring(dash + 3);
    }

    /**
     * Where the merge request's changes start: the merge base with the target, or once merged with a merge
     * commit, with the target as it was before it (the target now holds the changes). Empty for unrelated histories.
     */
    private static Optional<String> base(Path repo, MergeRequests.MergeRequest mr, String head) {
        String target = mr.mergeCommitSha() != null ? mr.mergeCommitSha() + "^1" : RefUpdate.BRANCHES + mr.targetBranch();
        try {
            return Optional.of(GitRepos.mergeBase(repo, target, head));
        } catch (GitRepos.GitException e) {
            return Optional.empty();
        }
    }

    private static List<Commit> log(Path repo, String base, String head) {
        try {
            return GitRepos.log(repo, base, head, COMMITS).stream()
                    .map(c -> new Commit(c.sha(), c.subject(), c.author(), c.at().toInstant())).toList();
        } catch (GitRepos.GitException e) {
            return List.of();
        }
    }

    private static String diff(Path repo, String base, String head) {
        try {
            return GitRepos.diff(repo, base, head);
        } catch (GitRepos.GitException e) {
            return "";
        }
    }

    private static Optional<String> given(String sha) {
        return Optional.ofNullable(sha).filter(s -> !s.isBlank());
    }

    private Users.User user(Accounts.Person person) {
        return users.find(person.id()).orElseThrow();
    }

    private String username(long userId) {
        return users.find(userId).map(Users.User::username).orElse("(deleted user)");
    }
}
