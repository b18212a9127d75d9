package dev.sluice.server;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * The receive hooks of one push over HTTP: before any ref moves, each update is checked against the pusher's role
 * and the protected branches and tags (a refused ref is reported to git with the reason, the others go ahead, as
 * git's own pre-receive would with per-ref rules); after the refs moved, {@link PushPipelines} makes the pipelines,
 * with the push options ({@code -o ci.skip}, {@code -o ci.variable=...}).
 */
final class GitReceiveHooks {

    private final Permissions permissions;
    private final PushPipelines pushPipelines;
    private final Users.User user;
    private final Projects.Project project;

    GitReceiveHooks(Permissions permissions, PushPipelines pushPipelines, Users.User user, Projects.Project project) {
        this.permissions = permissions;
        this.pushPipelines = pushPipelines;
        this.user = user;
        this.project = project;
    }

    void check(ReceivePack receive, Collection<ReceiveCommand> commands) {
        for (ReceiveCommand command : commands) {
            if (command.getResult() != ReceiveCommand.Result.NOT_ATTEMPTED) {
                continue;
            }
            refusal(command).ifPresent(reason -> {
                command.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, reason);
                receive.sendMessage("Sluice: " + command.getRefName() + ": " + reason);
            });
        }
    }

    /** Why this update may not happen; empty when it may. */
    private Optional<String> refusal(ReceiveCommand command) {
        String ref = command.getRefName();
        boolean deleting = command.getType() == ReceiveCommand.Type.DELETE;
        boolean rewriting = deleting || command.getType() == ReceiveCommand.Type.UPDATE_NONFASTFORWARD;
        if (ref.startsWith(RefUpdate.BRANCHES)) {
            String branch = ref.substring(RefUpdate.BRANCHES.length());
            // a developer at least (see GitHttp), so only protection stands in the way
            if (rewriting && !permissions.canRewrite(user, project.id(), branch)) {
                return Optional.of((deleting ? "deleting" : "force-pushing to") + " the protected branch " + branch
                        + " is not allowed");
            }
            if (!permissions.canPush(user, project.id(), branch)) {
                return Optional.of("you are not allowed to push to the protected branch " + branch + " (it needs a maintainer)");
            }
            return Optional.empty();
        }
        if (ref.startsWith(RefUpdate.TAGS)) {
            String tag = ref.substring(RefUpdate.TAGS.length());
            if (command.getType() == ReceiveCommand.Type.CREATE) {
                return permissions.canCreateTag(user, project.id(), tag) ? Optional.empty()
                        : Optional.of("you are not allowed to create the protected tag " + tag + " (it needs a maintainer)");
            }
            return permissions.canRewriteTag(user, project.id(), tag) ? Optional.empty()
                    : Optional.of("you are not allowed to " + (deleting ? "delete" : "move") + " the tag " + tag
                    + " (it needs a maintainer, and a protected tag cannot be changed)");
        }
        return Optional.of("only branches (refs/heads/) and tags (refs/tags/) can be pushed");
    }

    void pipelines(ReceivePack receive, Collection<ReceiveCommand> commands) {
        var updates = new ArrayList<RefUpdate>();
        for (ReceiveCommand command : commands) {
            if (command.getResult() == ReceiveCommand.Result.OK) {
                updates.add(new RefUpdate(command.getRefName(), command.getOldId().name(), command.getNewId().name()));
            }
        }
        List<String> options = receive.getPushOptions();
        try {
            for (var pipeline : pushPipelines.pushed(project, updates, PushPipelines.PushOptions.parse(options == null ? List.of() : options))) {
                receive.sendMessage("Sluice: pipeline " + pipeline.id() + " created for " + pipeline.ref());
            }
        } catch (GitRepos.GitException | RuntimeException e) {
            receive.sendMessage("Sluice: the push went through, but no pipeline could be created: " + e.getMessage());
        }
    }
}
