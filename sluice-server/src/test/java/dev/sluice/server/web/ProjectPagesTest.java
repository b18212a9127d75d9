package dev.sluice.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.server.web.Views.PipelineView;
import dev.sluice.server.web.Views.ProjectView;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProjectPagesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T10:00:00Z");
    private static final Viewer VIEWER = new Viewer(new Accounts.Person(1, "dev", "Dev", false), "csrf-0123");
    private static final ProjectView PROJECT = new ProjectView(3, "app", "group/app", "/srv/app.git", "main", null);

    @Test
    void thePipelinesListShowsEachPipelinesSourceAndKeepsTheSourceFilterAcrossPages() {
        var page = new WebReads.Page<>(List.of(pipeline(9, "merge_request_event"), pipeline(8, "push")), true);
        String html = ProjectPages.pipelines(VIEWER, PROJECT, page, new ProjectPages.ListFilter("main", null, "push"), 2);

        assertThat(html).contains("<th>Source</th>").contains("<td class=\"source\">merge_request_event</td>")
                .contains("<td class=\"source\">push</td>").doesNotContain("<td class=\"source\">api</td>");
        assertThat(html).contains("<select name=\"source\"><option value=\"\">any source</option><option selected>push</option>");
        assertThat(html).contains("href=\"?ref=main&amp;status=&amp;source=push&amp;page=3\"")
                .contains("href=\"?ref=main&amp;status=&amp;source=push&amp;page=1\"");
    }

    private static PipelineView pipeline(long id, String source) {
        return new PipelineView(id, 3, "main", "0123456789abcdef", "success", null, T0, T0, T0.plusSeconds(5), null, source);
    }
}
