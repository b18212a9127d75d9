package dev.sluice.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogRendererTest {

    @Test
    void ansiColoursBecomeSpansAndTextIsEscaped() {
        String html = LogRenderer.render("\u001b[32;1mok\u001b[0m <b>&\n", 7);
        assertThat(html).isEqualTo("<div class=\"l\" id=\"L7\"><a class=\"n\" href=\"#L7\">7</a><span class=\"t\">"
                + "<span class=\"fg32 b\">ok</span> &lt;b&gt;&amp;</span></div>");
    }

    @Test
    void gitlabSectionMarkersBecomeAFoldableHeaderAndAnEnd() {
        String html = LogRenderer.render("section_start:1700000000:deps[collapsed=true]\r\u001b[0KInstalling\n"
                + "one\nsection_end:1700000001:deps\r\u001b[0K\n", 1);
        assertThat(html).contains("class=\"l sec-h\" id=\"L1\" data-sec=\"deps\"")
                .contains("aria-label=\"Collapse section deps\"").contains("Installing")
                .contains("class=\"l sec-e\" id=\"L3\" data-sec=\"deps\"")
                .doesNotContain("section_");
    }

    @Test
    void aCarriageReturnKeepsWhatFollowsIt() {
        assertThat(LogRenderer.render("10%\r50%\r100%\r\n", 1)).contains(">100%<").doesNotContain("50%");
    }

    @Test
    void otherEscapeSequencesAndUnknownCodesAreDropped() {
        assertThat(LogRenderer.render("\u001b[2Kclean \u001b[38;5;196mred\u001b[m\n", 1))
                .contains("<span class=\"t\">clean red</span>");
    }

    @Test
    void backgroundAndBrightColoursAndAPartialLastLine() {
        assertThat(LogRenderer.render("a\n\u001b[97;41mlast", 1)).contains("id=\"L2\"")
                .contains("<span class=\"fg97 bg41\">last</span>");
    }
}
