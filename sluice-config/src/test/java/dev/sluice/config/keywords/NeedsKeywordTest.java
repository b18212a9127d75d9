package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.Need;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NeedsKeywordTest {

    private static KeywordFixture<Optional<List<Need>>> needs(String yaml) {
        return KeywordFixture.read("jobs:deploy:prod:needs", yaml, NeedsKeyword::read);
    }

    @Test
    void namesAndHashes() {
        var r = needs("""
                needs:
                  - build
                  - {job: test, artifacts: false, optional: true}
                  - {pipeline: $PARENT_PIPELINE_ID, job: gen, optional: true}
                  - {project: group/other, job: lib, ref: main, artifacts: true}
                  - job: matrix
                    parallel:
                      matrix:
                        - {OS: [linux, mac], VERSION: 3}
                """);
        assertThat(r.messages()).isEmpty();
        List<Need> needs = r.value.orElseThrow();
        assertThat(needs.get(0)).isEqualTo(Need.of("build", needs.get(0).pos()));
        assertThat(needs.get(0).pos().line()).isEqualTo(2);
        assertThat(needs.get(1)).extracting(Need::job, Need::artifacts, Need::optional, Need::isLocal)
                .containsExactly("test", false, true, true);
        assertThat(needs.get(2)).extracting(Need::pipeline, Need::isLocal)
                .containsExactly(Optional.of("$PARENT_PIPELINE_ID"), false);
        assertThat(needs.get(3)).extracting(Need::project, Need::ref)
                .containsExactly(Optional.of("group/other"), Optional.of("main"));
        assertThat(needs.get(4).matrix()).containsExactly(Map.of("OS", List.of("linux", "mac"), "VERSION", List.of("3")));
    }

    @Test
    void emptyNeedsStartAtOnce() {
        var r = needs("needs: []");
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).hasValue(List.of());
    }

    @Test
    void pipelineStatusHash() {
        var r = needs("needs: {pipeline: other/project}");
        assertThat(r.messages()).isEmpty();
        assertThat(r.value.orElseThrow()).singleElement().satisfies(n -> {
            assertThat(n.job()).isEmpty();
            assertThat(n.pipeline()).hasValue("other/project");
        });
    }

    @Test
    void duplicatesNameTheJob() {
        var r = needs("needs: [a, b, a, {job: b}, c]");
        assertThat(r.messages()).containsExactly(
                "1:15: error[duplicate-need]: deploy:prod has the following needs duplicated: a, b");
        assertThat(r.value).isEmpty();
    }

    @Test
    void sameJobWithDifferentMatrixIsNotADuplicate() {
        var r = needs("""
                needs:
                  - {job: m, parallel: {matrix: [{OS: linux}]}}
                  - {job: m, parallel: {matrix: [{OS: mac}]}}
                """);
        assertThat(r.messages()).isEmpty();
    }

    @Test
    void nameTooLong() {
        String name = "x".repeat(129);
        var r = needs("needs: [" + name + "]");
        assertThat(r.messages()).containsExactly("1:9: error[name-too-long]: jobs:deploy:prod:needs need `" + name
                + "` name is too long (maximum is 128 characters)");
        assertThat(needs("needs: [" + "x".repeat(128) + "]").messages()).isEmpty();
    }

    @Test
    void invalidForms() {
        var r = needs("""
                needs:
                  - 20
                  - job:
                  - {project: g/p, job: x}
                  - {job: x, pipeline: p, project: g/p, ref: r}
                  - {job: '', artifacts: maybe}
                  - {job: y, parallel: 10}
                  - {job: z, parallel: {matrix: [a1, a2]}}
                """);
        assertThat(r.messages()).containsExactly(
                "2:5: error[invalid-type]: jobs:deploy:prod:needs:need has an unsupported type: integer",
                "3:9: error[invalid-type]: jobs:deploy:prod:needs:need:job config should be a string, found null",
                "4:5: error[missing-key]: jobs:deploy:prod:needs:need config missing required key 'ref' (needed with 'project')",
                "5:5: error[invalid-combination]: jobs:deploy:prod:needs:need config may use 'pipeline' or 'project', not both",
                "6:11: error[blank]: jobs:deploy:prod:needs:need:job can't be blank",
                "6:26: error[invalid-type]: jobs:deploy:prod:needs:need:artifacts config should be a boolean value, found string",
                "7:24: error[invalid-type]: jobs:deploy:prod:needs:need:parallel config should be a hash, found integer",
                "8:34: error[invalid-type]: jobs:deploy:prod:needs:need:parallel:matrix config should be a hash, found string",
                "8:38: error[invalid-type]: jobs:deploy:prod:needs:need:parallel:matrix config should be a hash, found string");
        assertThat(r.value).isEmpty();
    }

    @Test
    void needsMustBeAnArrayOrTheHashForm() {
        assertThat(needs("needs: build").messages()).containsExactly(
                "1:8: error[invalid-type]: jobs:deploy:prod:needs config should be an array or a hash, found string");
        assertThat(needs("needs: {job: a}").messages()).containsExactly(
                "1:9: error[unknown-key]: jobs:deploy:prod:needs config contains unknown key 'job'");
    }

    @Test
    void rulesNeedsTakeOnlyJobArtifactsOptional() {
        var r = KeywordFixture.read("jobs:lint:rules:rule:needs", "needs: [{pipeline: '5', job: a}]", NeedsKeyword::readInRule);
        assertThat(r.messages()).containsExactly(
                "1:10: error[unknown-key]: jobs:lint:rules:rule:needs:need config contains unknown key 'pipeline'");
        assertThat(NeedsKeyword.jobName("jobs:lint:rules:rule:needs")).isEqualTo("lint");
    }
}
