package dev.sluice.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * {@code POST /api/v4/projects/:id/hooks/gitlab|github|gitea}: a mirror project's forge announces a push or a merge
 * request. These routes are authenticated by the project's webhook secret (a token or a body signature), never by
 * a user's token: a global API authentication filter must let {@link #PATH} through.
 */
final class WebhookApi {

    /** The routes that authenticate by the webhook secret, not by a personal access token. */
    static final String PATH = "/api/v4/projects/{id}/hooks/{forge}";

    private final Projects projects;
    private final Mirrors mirrors;
    private final WebhookDeliveries deliveries;
    private final PushPipelines pushes;
    private final MergeRequestPipelines mergeRequestPipelines;

    /** The forges' words for a merge request that opened or got new commits: these run its pipeline. */
    private static final java.util.Set<String> RUNS = java.util.Set.of("open", "opened", "reopen", "reopened", "update",
            "synchronize", "synchronized");

    WebhookApi(Projects projects, Mirrors mirrors, WebhookDeliveries deliveries, PushPipelines pushes,
               MergeRequestPipelines mergeRequestPipelines) {
        this.projects = projects;
        this.mirrors = mirrors;
        this.deliveries = deliveries;
        this.pushes = pushes;
        this.mergeRequestPipelines = mergeRequestPipelines;
    }

    void routes(Javalin app) {
        app.post(PATH, this::deliver, Authentication.Access.WEBHOOK);
    }

    private void deliver(Context ctx) {
        var forge = Mirrors.Forge.of(ctx.pathParam("forge"))
                .orElseThrow(() -> new RunnerApi.Refused(404, "404 Not Found - unknown forge; use gitlab, github or gitea"));
        long projectId = id(ctx.pathParam("id"));
        var project = projects.find(projectId).orElseThrow(() -> new RunnerApi.Refused(404, "404 Project Not Found"));
        var mirror = mirrors.find(projectId)
                .orElseThrow(() -> new RunnerApi.Refused(404, "404 Not Found - project " + projectId + " is not a mirror"));
        var decoder = new WebhookDecoder(forge, ctx::header);
        byte[] body = ctx.bodyAsBytes();
        if (!decoder.authentic(body, mirror.webhookSecret())) {
            throw new RunnerApi.Refused(401, "401 Unauthorized - the webhook's secret or signature does not match");
        }
        ForgeEvent event;
        try {
            event = decoder.event(RunnerApi.body(ctx, JsonNode.class));
        } catch (WebhookDecoder.Malformed e) {
            throw new RunnerApi.Refused(400, "400 Bad Request - " + e.getMessage());
        }
        String key = key(event);
        String delivery = decoder.deliveryId().orElse(key);
        switch (event) {
            case ForgeEvent.Ignored ignored -> RunnerApi.json(ctx, 200, Map.of("message", "event '" + ignored.kind() + "' ignored"));
            case ForgeEvent.Push push -> {
                if (firstDelivery(ctx, projectId, delivery, key)) {
                    RunnerApi.json(ctx, 201, Map.of("pipelines", pipelines(project, mirror, push, delivery)));
                }
            }
            case ForgeEvent.MergeRequest mr -> {
                if (!firstDelivery(ctx, projectId, delivery, key)) {
                    return;
                }
                if (!RUNS.contains(mr.action())) {
                    RunnerApi.json(ctx, 202, Map.of("message", "merge request !" + mr.iid() + " (" + mr.action()
                            + ") recorded; only opening, reopening and new commits run its pipeline", "pipelines", List.of()));
                    return;
                }
                RunnerApi.json(ctx, 201, Map.of("message", "merge request !" + mr.iid() + " (" + mr.action() + ")",
                        "pipelines", fetched(project, mirror, delivery, () -> mergeRequestPipeline(project, mr))));
            }
        }
    }

    /** Records the delivery; a second one is answered 200 (so the forge stops redelivering) and changes nothing. */
    private boolean firstDelivery(Context ctx, long projectId, String delivery, String key) {
        if (deliveries.record(projectId, delivery, key)) {
            return true;
        }
        RunnerApi.json(ctx, 200, Map.of("message", "already delivered; nothing done", "pipelines", List.of()));
        return false;
    }

    /** Fetches the pushed commits from the mirrored repository, then creates the push's pipelines. */
    private List<Long> pipelines(Projects.Project project, Mirrors.Mirror mirror, ForgeEvent.Push push, String delivery) {
        return fetched(project, mirror, delivery, () -> pushes.pushed(project, List.of(push.update()), PushPipelines.PushOptions.NONE)
                .stream().map(Pipelines.PipelineRow::id).toList());
    }

    /**
     * The merge request's pipeline at its head, which must be in the mirrored repository (a pull request from a
     * fork is not: its commits live in another repository). None when the configuration has no merge-request jobs.
     */
    private List<Long> mergeRequestPipeline(Projects.Project project, ForgeEvent.MergeRequest mr) throws GitRepos.GitException {
        try {
            GitRepos.resolve(Path.of(project.repoDir()), mr.headSha());
        } catch (GitRepos.GitException e) {
            throw new RunnerApi.Refused(422, "422 Unprocessable Entity - merge request !" + mr.iid() + ": its head commit "
                    + mr.headSha() + " is not in the mirrored repository (merge requests from forks are not fetched)");
        }
        return mergeRequestPipelines.runForForge(project, mr.iid(), mr.title(), mr.sourceBranch(), mr.targetBranch(), mr.headSha())
                .map(p -> List.of(p.id())).orElse(List.of());
    }

    interface GitWork<T> {
        T run() throws GitRepos.GitException;
    }

    /** Fetches the mirrored repository, then does the work; on a git failure the delivery is forgotten so a redelivery may retry. */
    private <T> T fetched(Projects.Project project, Mirrors.Mirror mirror, String delivery, GitWork<T> work) {
        try {
            GitRepos.fetchMirror(Path.of(project.repoDir()), mirror.importUrl());
            return work.run();
        } catch (GitRepos.GitException e) {
            deliveries.forget(project.id(), delivery); // let the forge's redelivery try again
            throw new RunnerApi.Refused(502, "502 Bad Gateway - could not fetch from the mirrored repository: "
                    + e.getMessage());
        } catch (RunnerApi.Refused e) {
            deliveries.forget(project.id(), delivery);
            throw e;
        }
    }

    /** What the event announces: a second delivery announcing the same thing is a replay. */
    private static String key(ForgeEvent event) {
        return switch (event) {
            case ForgeEvent.Push p -> "push " + p.ref() + " " + p.before() + " " + p.after();
            case ForgeEvent.MergeRequest mr -> "merge_request " + mr.iid() + " " + mr.action() + " " + mr.headSha();
            case ForgeEvent.Ignored i -> i.kind();
        };
    }

    private static long id(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            throw new RunnerApi.Refused(404, "404 Not Found");
        }
    }
}
