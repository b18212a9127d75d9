package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class JobGraphChecksTest {

    @Test
    void unknownStageListsTheAvailableOnes() {
        var c = CompilerFixture.compile("job:\n  stage: tset\n  script: x\n");
        assertThat(c.errors()).containsExactly(".gitlab-ci.yml:2:10: unknown-stage: job job: chosen stage tset does not exist;"
                + " available stages are .pre, build, test, deploy, .post (did you mean 'test'?)");
    }

    @Test
    void needsMustExistAndNotBeInALaterStage() {
        var c = CompilerFixture.compile("""
                build:
                  stage: build
                  needs: [deploy, buidl]
                  script: x
                deploy:
                  stage: deploy
                  script: y
                """);
        assertThat(c.errors()).containsExactly(
                ".gitlab-ci.yml:3:11: need-later-stage: build job: need deploy is not defined in current or prior stages",
                ".gitlab-ci.yml:3:19: undefined-need: build job: undefined need: buidl (did you mean 'build'?)");
    }

    @Test
    void needsInOneStageMayNotFormACycle() {
        var c = CompilerFixture.compile("""
                a:
                  needs: [b]
                  script: x
                b:
                  needs: [a]
                  script: y
                """);
        assertThat(c.errors()).singleElement().asString().contains("circular dependencies: a -> b -> a");
    }

    @Test
    void theNeedsLimitIsGitLabsAndConfigurable() {
        StringBuilder yaml = new StringBuilder("many:\n  stage: build\n  parallel: 60\n  script: x\nfan-in:\n  needs: [many]\n  script: y\n");
        var strict = CompilerFixture.compile(yaml.toString());
        assertThat(strict.errors()).singleElement().asString()
                .contains("fan-in: one job can only need 50 others, but you have listed 60");
        var relaxed = new PipelineCompiler().compile(CompileRequest.of(".gitlab-ci.yml", yaml.toString())
                .withLimits(ConfigLimits.GITLAB.withMaxNeeds(100)));
        assertThat(relaxed.valid()).isTrue();
    }

    @Test
    void dependenciesMustBePriorAndPartOfNeeds() {
        var c = CompilerFixture.compile("""
                build:
                  stage: build
                  script: x
                lint:
                  stage: build
                  script: x
                test:
                  needs: [lint]
                  dependencies: [build, deploy]
                  script: y
                deploy:
                  stage: deploy
                  script: z
                """);
        assertThat(c.errors()).containsExactly(
                ".gitlab-ci.yml:9:18: dependency-not-needed: test job: the build should be part of needs",
                ".gitlab-ci.yml:9:25: dependency-later-stage: test job: dependency deploy is not defined in current or prior stages",
                ".gitlab-ci.yml:9:25: dependency-not-needed: test job: the deploy should be part of needs");
    }

    @Test
    void onStopMustNameAStopJobOfTheSameEnvironment() {
        var c = CompilerFixture.compile("""
                deploy:
                  script: x
                  environment: {name: review, on_stop: stop}
                stop:
                  script: y
                  environment: {name: review}
                """);
        assertThat(c.errors()).singleElement().asString().contains("on_stop job stop needs to have action stop defined");
    }

    @Test
    void aPipelineNeedsOneVisibleJob() {
        assertThat(CompilerFixture.compile(".hidden:\n  script: x\n").errors())
                .containsExactly(".gitlab-ci.yml:1:1: no-visible-job: jobs config should contain at least one visible job");
    }

    @Test
    void aMisspelledGlobalKeywordIsNamed() {
        var c = CompilerFixture.compile("varibles:\n  A: b\njob:\n  script: x\n");
        assertThat(c.errors()).anySatisfy(e -> assertThat(e).contains("did you mean the global keyword 'variables'?"));
    }
}
