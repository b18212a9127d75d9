package dev.sluice.engine;

import dev.sluice.config.model.AllowFailure;
import dev.sluice.config.model.Inherit;
import dev.sluice.config.model.JobDefinition;
import dev.sluice.config.model.Need;
import dev.sluice.config.model.ParallelInstance;
import dev.sluice.config.model.Retry;
import dev.sluice.config.model.Trigger;
import dev.sluice.config.model.When;
import dev.sluice.model.SourcePos;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Builds a {@link PlannedJob} the way planning would, without YAML: {@code job("test").stage("test")
 * .needs("build")}. Defaults follow GitLab: stage {@code test}, {@code when: on_success}, and
 * {@code allow_failure} true only for a job-level {@code when: manual}.
 */
final class JobBuilder {

    private final String name;
    private String stage = "test";
    private When when = When.ON_SUCCESS;
    private Optional<Duration> startIn = Optional.empty();
    private Optional<AllowFailure> allowFailure = Optional.empty();
    private Optional<List<Need>> needs = Optional.empty();
    private Retry retry = Retry.NONE;
    private Optional<Duration> timeout = Optional.empty();
    private Optional<String> resourceGroup = Optional.empty();
    private Optional<Trigger> trigger = Optional.empty();
    private Optional<ParallelInstance> parallel = Optional.empty();
    private boolean interruptible;

    private JobBuilder(String name) {
        this.name = name;
    }

    static JobBuilder job(String name) {
        return new JobBuilder(name);
    }

    JobBuilder stage(String value) {
        stage = value;
        return this;
    }

    JobBuilder when(When value) {
        when = value;
        return this;
    }

    /** {@code when: manual} as a job keyword: optional (allow_failure defaults to true). */
    JobBuilder manual() {
        return when(When.MANUAL);
    }

    /** {@code rules: - when: manual}: blocking (allow_failure defaults to false). */
    JobBuilder manualFromRule() {
        when = When.MANUAL;
        allowFailure = Optional.of(AllowFailure.NO);
        return this;
    }

    JobBuilder delayed(Duration value) {
        when = When.DELAYED;
        startIn = Optional.of(value);
        return this;
    }

    JobBuilder allowFailure(boolean value) {
        allowFailure = Optional.of(value ? AllowFailure.YES : AllowFailure.NO);
        return this;
    }

    JobBuilder allowFailureExitCodes(Integer... codes) {
        allowFailure = Optional.of(new AllowFailure(false, List.of(codes)));
        return this;
    }

    JobBuilder needs(String... jobs) {
        needs = Optional.of(Arrays.stream(jobs).map(j -> Need.of(j, SourcePos.UNKNOWN)).toList());
        return this;
    }

    JobBuilder needsEntries(Need... entries) {
        needs = Optional.of(List.of(entries));
        return this;
    }

    JobBuilder retry(int max, List<String> whenReasons, List<Integer> exitCodes) {
        retry = new Retry(max, whenReasons, exitCodes);
        return this;
    }

    JobBuilder timeout(Duration value) {
        timeout = Optional.of(value);
        return this;
    }

    JobBuilder resourceGroup(String group) {
        resourceGroup = Optional.of(group);
        return this;
    }

    /** A child-pipeline trigger; {@code strategy} is empty or "depend". */
    JobBuilder trigger(Optional<String> strategy) {
        trigger = Optional.of(new Trigger(Optional.empty(), Optional.empty(),
                List.of(new Trigger.TriggerInclude("local", "child.yml", Optional.empty(), Optional.empty(),
                        Optional.empty())), strategy, true, false));
        return this;
    }

    JobBuilder interruptible() {
        interruptible = true;
        return this;
    }

    JobBuilder parallel(String baseName, int index, int total, Map<String, String> matrix) {
        parallel = Optional.of(new ParallelInstance(baseName, index, total, matrix));
        return this;
    }

    PlannedJob plan() {
        AllowFailure effective = allowFailure.orElse(when == When.MANUAL ? AllowFailure.YES : AllowFailure.NO);
        JobDefinition definition = new JobDefinition(name, SourcePos.UNKNOWN, stage, List.of(),
                trigger.isPresent() ? List.of() : List.of("echo " + name), List.of(), Optional.empty(), List.of(),
                List.of(), Inherit.ALL, Optional.empty(), Optional.empty(),
                Optional.empty(), when, startIn.map(Duration::toString), allowFailure, needs, Optional.empty(),
                Optional.empty(), List.of(), Optional.empty(), retry, timeout, List.of(), resourceGroup,
                Optional.empty(), Optional.empty(), trigger, parallel, Map.of());
        return new PlannedJob(definition, when, effective, needs, startIn, interruptible, Map.of());
    }
}
