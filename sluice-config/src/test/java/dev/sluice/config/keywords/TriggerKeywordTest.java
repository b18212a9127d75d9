package dev.sluice.config.keywords;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sluice.config.model.Trigger;
import dev.sluice.config.model.Trigger.TriggerInclude;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TriggerKeywordTest {

    private static KeywordFixture<Optional<Trigger>> trigger(String yaml) {
        return KeywordFixture.read("jobs:bridge:trigger", yaml, TriggerKeyword::read);
    }

    @Test
    void projectAsAString() {
        var r = trigger("trigger: group/sub/project");
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).hasValue(new Trigger(Optional.of("group/sub/project"), Optional.empty(), List.of(),
                Optional.empty(), true, false));
    }

    @Test
    void multiProjectHash() {
        var r = trigger("""
                trigger:
                  project: $DOWNSTREAM
                  branch: stable
                  strategy: depend
                  forward: {yaml_variables: false, pipeline_variables: true}
                  inputs: {env: prod, replicas: 3}
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value).hasValue(new Trigger(Optional.of("$DOWNSTREAM"), Optional.of("stable"), List.of(),
                Optional.of("depend"), false, true));
    }

    @Test
    void childPipelineIncludes() {
        var r = trigger("""
                trigger:
                  strategy: mirror
                  include:
                    - local: ci/child.yml
                    - artifact: generated.yml
                      job: generate
                    - project: g/lib
                      file: child.yaml
                      ref: v1
                """);
        assertThat(r.messages()).isEmpty();
        assertThat(r.value.orElseThrow().include()).containsExactly(
                new TriggerInclude("local", "ci/child.yml", Optional.empty(), Optional.empty(), Optional.empty()),
                new TriggerInclude("artifact", "generated.yml", Optional.of("generate"), Optional.empty(), Optional.empty()),
                new TriggerInclude("project", "child.yaml", Optional.empty(), Optional.of("g/lib"), Optional.of("v1")));
        assertThat(trigger("trigger: {include: child.yml}").value.orElseThrow().include())
                .containsExactly(new TriggerInclude("local", "child.yml", Optional.empty(), Optional.empty(), Optional.empty()));
    }

    @Test
    void projectPathsAreChecked() {
        assertThat(trigger("trigger: slug").messages()).containsExactly(
                "1:10: error[invalid-value]: jobs:bridge:trigger should be a project path like group/project, found 'slug'");
        assertThat(trigger("trigger: {project: 'slug/'}").messages()).containsExactly("1:20: error[invalid-value]:"
                + " jobs:bridge:trigger:project should be a project path like group/project, found 'slug/'");
        assertThat(trigger("trigger: '$.'").messages()).isEmpty();
    }

    @Test
    void projectAndIncludeExcludeEachOther() {
        var r = trigger("""
                trigger:
                  project: g/p
                  inputs: {a: 1}
                  include: [{local: a.yml}]
                """);
        assertThat(r.messages()).containsExactly("2:3: error[invalid-combination]: jobs:bridge:trigger config should"
                + " use either 'project' (a multi-project pipeline) or 'include' (a child pipeline), not both");
        assertThat(r.value).isEmpty();
        assertThat(trigger("trigger: {strategy: depend}").messages()).containsExactly("1:10: error[invalid-combination]:"
                + " jobs:bridge:trigger config should use either 'project' (a multi-project pipeline) or 'include' (a child"
                + " pipeline)");
    }

    @Test
    void invalidIncludes() {
        var r = trigger("""
                trigger:
                  include:
                    - file: child.yml
                    - project: g/p
                    - artifact: gen.yml
                    - local: child.txt
                """);
        // Four entries: too many, and each entry is still checked.
        assertThat(r.messages()).containsExactly(
                "3:5: error[too-many]: jobs:bridge:trigger:include config has too many entries (maximum 3), found 4",
                "3:7: error[invalid-combination]: jobs:bridge:trigger:include config should use exactly one of local,"
                        + " template, artifact, project, component, remote ('file' needs 'project')",
                "4:7: error[missing-key]: jobs:bridge:trigger:include config missing required key 'file'",
                "5:7: error[missing-key]: jobs:bridge:trigger:include config missing required key 'job'",
                "6:14: error[invalid-value]: jobs:bridge:trigger:include:local should be a .yml or .yaml file, found 'child.txt'");
        assertThat(trigger("trigger: {include: [{local: a.yml}, {local: b.yml}, {local: c.yml}, {local: d.yml}]}")
                .messages()).containsExactly(
                "1:20: error[too-many]: jobs:bridge:trigger:include config has too many entries (maximum 3), found 4");
    }

    @Test
    void strategyAndForward() {
        assertThat(trigger("trigger: {project: g/p, strategy: wait, forward: {secrets: true}}").messages()).containsExactly(
                "1:35: error[invalid-value]: jobs:bridge:trigger:strategy config should be one of: depend, mirror",
                "1:51: error[unknown-key]: jobs:bridge:trigger:forward config contains unknown key 'secrets'");
    }
}
