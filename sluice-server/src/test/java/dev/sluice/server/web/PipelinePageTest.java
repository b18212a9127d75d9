package dev.sluice.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.server.web.Views.JobView;
import dev.sluice.server.web.Views.PipelineView;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PipelinePageTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Viewer VIEWER = new Viewer(new Accounts.Person(1, "dev", "Dev", false), "csrf-0123");

    @Test
    void stagesFollowTheConfigurationsOrderAndCardsSayStatusDurationRetriesAndNeeds() {
        var jobs = List.of(
                job(1, "deploy", "deploy", "manual", null, null, 1),
                job(2, "build", "build", "success", T0, T0.plusSeconds(65), 1),
                job(4, "test", "test", "failed", T0.plusSeconds(70), T0.plusSeconds(80), 3));
        String html = PipelinePage.live(VIEWER, true, pipeline("failed"), jobs,
                new Control.Layout(List.of("build", "test", "deploy"), Map.of("test", List.of("build"))), T0.plusSeconds(90));
        assertThat(html).doesNotContain("\n");
        assertThat(html.indexOf("<h2>build</h2>")).isLessThan(html.indexOf("<h2>test</h2>"));
        assertThat(html.indexOf("<h2>test</h2>")).isLessThan(html.indexOf("<h2>deploy</h2>"));
        assertThat(html).contains("aria-label=\"Status: failed\"").contains("1m 05s").contains("↻ 2")
                .contains("needs: build").contains("aria-label=\"Play deploy\"").contains("aria-label=\"Retry test\"")
                .contains("Retry failed jobs").contains("<span class=\"source\">push</span> triggered by alice");
    }

    @Test
    void buttonsCarryTheCsrfTokenAndAreLeftOutForWhoMayNotRunJobs() {
        var jobs = List.of(job(1, "deploy", "deploy", "manual", null, null, 1), job(2, "test", "test", "failed", T0, T0, 1));
        var layout = new Control.Layout(List.of("test", "deploy"), Map.of());
        assertThat(PipelinePage.live(VIEWER, true, pipeline("failed"), jobs, layout, T0))
                .contains("<input type=\"hidden\" name=\"authenticity_token\" value=\"csrf-0123\">");
        assertThat(PipelinePage.live(VIEWER, false, pipeline("failed"), jobs, layout, T0))
                .doesNotContain("<form").doesNotContain("<button").contains("data-name=\"deploy\"");
    }

    @Test
    void anInvalidConfigurationShowsItsErrorsInsteadOfAGraph() {
        var p = new PipelineView(1, 1, "main", "abc", "failed", ".gitlab-ci.yml:3:3: error[unknown-key]: <scirpt>", T0, null, T0, null, "push");
        String html = PipelinePage.live(VIEWER, true, p, List.of(), new Control.Layout(List.of(), Map.of()), T0);
        assertThat(html).contains("role=\"alert\"").contains(".gitlab-ci.yml:3:3: error[unknown-key]: &lt;scirpt&gt;")
                .doesNotContain("class=\"graph\"").doesNotContain("Cancel pipeline");
    }

    /** Prints how long the live fragment of a 500-job pipeline takes to render (no timing assertion). */
    @Test
    void aPipelineOf500JobsRendersEveryCard() {
        var jobs = new ArrayList<JobView>();
        var stages = List.of("build", "test", "package", "deploy", "verify");
        for (int i = 0; i < 500; i++) {
            jobs.add(job(i + 1, "job " + i, stages.get(i % 5), i % 7 == 0 ? "running" : "success", T0, T0.plusSeconds(i), 1));
        }
        var layout = new Control.Layout(stages, Map.of());
        String html = "";
        long best = Long.MAX_VALUE;
        for (int round = 0; round < 50; round++) {
            long start = System.nanoTime();
            html = PipelinePage.live(VIEWER, true, pipeline("running"), jobs, layout, T0.plusSeconds(600));
            best = Math.min(best, System.nanoTime() - start);
        }
        System.out.printf("pipeline page, 500 jobs: %.2f ms to render (best of 50), %d KB%n", best / 1e6, html.length() / 1024);
        assertThat(html.split("class=\"card ", -1)).hasSize(501);
    }

    private static PipelineView pipeline(String status) {
        return new PipelineView(7, 1, "main", "0123456789abcdef", status, null, T0, T0, null, "alice", "push");
    }

    private static JobView job(long id, String name, String stage, String status, Instant started, Instant finished, int attempts) {
        return new JobView(id, 7, id, name, stage, status, null, null, T0, started, finished, attempts);
    }
}
