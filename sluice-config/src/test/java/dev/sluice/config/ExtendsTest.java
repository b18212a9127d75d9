package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.Variable;
import org.junit.jupiter.api.Test;

class ExtendsTest {

    @Test
    void mergesHashesReplacesArraysAndLaterParentsWin() {
        var c = CompilerFixture.compile("""
                .a:
                  variables: {X: a, Y: a}
                  tags: [one, two]
                  script: [from-a]
                .b:
                  variables: {Y: b}
                  tags: [three]
                job:
                  extends: [.a, .b]
                  variables: {Z: job}
                """);
        var job = c.job("job");
        assertThat(job.variables()).extracting(Variable::name, Variable::value)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("X", "a"), org.assertj.core.groups.Tuple.tuple("Y", "b"),
                        org.assertj.core.groups.Tuple.tuple("Z", "job"));
        assertThat(job.tags()).containsExactly("three");
        assertThat(job.script()).containsExactly("from-a");
    }

    @Test
    void nullRemovesAnInheritedKey() {
        var c = CompilerFixture.compile("""
                .base:
                  script: make
                  before_script: [setup]
                job:
                  extends: .base
                  before_script: null
                """);
        assertThat(c.job("job").beforeScript()).isEmpty();
    }

    @Test
    void reportsUnknownTargetsWithASuggestion() {
        var c = CompilerFixture.compile("""
                .template:
                  script: make
                job:
                  extends: .tempalte
                """);
        assertThat(c.errors()).contains(
                ".gitlab-ci.yml:4:12: extends-unknown: unknown key '.tempalte' in `extends` of `job` (did you mean '.template'?)");
    }

    @Test
    void reportsCyclesOnce() {
        var c = CompilerFixture.compile("""
                a:
                  extends: b
                  script: x
                b:
                  extends: a
                  script: y
                """);
        assertThat(c.errors()).filteredOn(e -> e.contains("extends-cycle")).hasSize(1);
    }

    @Test
    void allowsTenAncestorsButNotEleven() {
        StringBuilder ok = new StringBuilder(".l0:\n  script: x\n");
        for (int i = 1; i <= 10; i++) {
            ok.append(".l").append(i).append(":\n  extends: .l").append(i - 1).append("\n");
        }
        assertThat(CompilerFixture.compile(ok + "job:\n  extends: .l9\n").result().valid()).isTrue();
        assertThat(CompilerFixture.compile(ok + "job:\n  extends: .l10\n").errors())
                .anySatisfy(e -> assertThat(e).contains("extends-too-deep"));
    }

    @Test
    void positionsOfInheritedProblemsPointAtTheTemplateAndNameTheJob() {
        var c = CompilerFixture.compile("""
                .base:
                  retry: 7
                job:
                  extends: .base
                  script: x
                """);
        assertThat(c.diagnostics()).anySatisfy(d -> {
            assertThat(d.pos().line()).isEqualTo(2);
            assertThat(d.related()).anySatisfy(r -> assertThat(r.note()).isEqualTo("in job 'job'"));
        });
    }
}
