package dev.sluice.engine.plan;

import dev.sluice.config.model.PipelineDefinition;
import dev.sluice.config.model.Variable;
import dev.sluice.engine.PipelineInput;
import dev.sluice.engine.PipelineSettings;
import dev.sluice.engine.PlannedJob;
import dev.sluice.engine.spec.RunContext;
import dev.sluice.model.JobSpec;
import dev.sluice.model.JobVariable;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A planned pipeline made ready to run, the same way for {@code sluice run} and the coordinator: the
 * state machine's input, and what turning its jobs into job specs needs.
 */
public record PipelineStart(PipelineInput input, RunContext context) {

    /** Where the pipeline runs: the parts that differ between a local run and the coordinator. */
    public record Place(List<JobVariable> outer, String projectDir, String cacheKeySuffix,
                        Function<List<String>, String> filesCacheKey) {
        public Place {
            outer = List.copyOf(outer);
        }
    }

    public static PipelineStart of(PlanResult.Created created, List<PlannedJob> jobs, PipelineDefinition definition,
                                   Map<String, String> predefined, Place place, long pipelineId, long iid, Instant createdAt) {
        boolean cancelOnFailure = created.autoCancel().onJobFailure().map("all"::equals).orElse(false);
        var input = new PipelineInput(pipelineId, iid, created.stages(), jobs, createdAt,
                PipelineSettings.DEFAULT.withCancelOnJobFailure(cancelOnFailure));
        Set<String> rawGlobals = definition.variables().stream().filter(v -> !v.expand()).map(Variable::name)
                .collect(Collectors.toSet());
        // workflow:rules:variables override the top-level values and may add new ones
        Map<String, String> globals = new LinkedHashMap<>();
        definition.variables().forEach(v -> globals.put(v.name(), created.globalVariables().getOrDefault(v.name(), v.value())));
        created.globalVariables().forEach(globals::putIfAbsent);
        var context = new RunContext(predefined, globals, rawGlobals, place.outer(), place.projectDir(),
                JobSpec.DEFAULT_TIMEOUT, place.cacheKeySuffix(), place.filesCacheKey());
        return new PipelineStart(input, context);
    }
}
