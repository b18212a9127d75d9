package dev.sluice.cli;

import dev.sluice.cli.run.Dispatcher;
import dev.sluice.cli.run.LocalPlanner;
import dev.sluice.cli.run.Executors;
import dev.sluice.cli.run.LocalRun;
import dev.sluice.cli.run.ProjectSettings;
import dev.sluice.cli.run.PlanTable;
import dev.sluice.cli.run.RunConsole;
import dev.sluice.cli.run.RunSummary;
import dev.sluice.engine.Pipeline;
import dev.sluice.model.Diagnostic;
import dev.sluice.model.JobVariable;
import dev.sluice.model.PipelineStatus;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code sluice run}: a repository's pipeline on this machine, with the engine the server uses. */
@Command(name = "run",
        mixinStandardHelpOptions = true,
        versionProvider = VersionProvider.class,
        description = {
            "Run the pipeline of the repository in the current directory (or -C DIR) on this machine.",
            "Jobs run in clean copies of the work tree under .sluice/builds/, their logs stay in .sluice/logs/."},
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {
            "0:the pipeline passed (with or without warnings), or --list/--dry-run, or no pipeline for this ref",
            "1:the pipeline failed, was canceled or is blocked; or the configuration is invalid",
            "2:usage error: unknown option or job, missing or unreadable file"})
final class RunCommand implements Callable<Integer> {

    static final List<String> SOURCES = List.of("push", "web", "api", "schedule", "trigger", "merge_request_event",
            "external_pull_request_event", "pipeline", "parent_pipeline", "chat", "webide");

    @Parameters(arity = "0..*", paramLabel = "JOB", description = "Run only these jobs (a manual one is played).")
    List<String> jobs = new ArrayList<>();

    @Option(names = {"-C", "--directory"}, paramLabel = "DIR", description = "The repository to run (default: the current directory).")
    String directory;

    @Option(names = "--file", paramLabel = "FILE", defaultValue = ".gitlab-ci.yml",
            description = "The pipeline configuration, relative to DIR (default: ${DEFAULT-VALUE}).")
    String file;

    @Option(names = "--needs", description = "With JOB names: also run the jobs they need, transitively.")
    boolean needs;

    @Option(names = "--manual", paramLabel = "JOB", description = "Play this manual job when it becomes playable (repeatable).")
    List<String> manual = new ArrayList<>();

    @Option(names = "--variable", paramLabel = "KEY=VALUE", description = "A pipeline variable (repeatable); beats the YAML's.")
    List<String> variables = new ArrayList<>();

    @Option(names = "--variables-file", paramLabel = "FILE",
            description = "KEY=VALUE lines of masked project variables (secrets); '#' starts a comment.")
    Path variablesFile;

    @Option(names = "--ref", paramLabel = "REF",
            description = "Run for this branch or tag (refs/tags/X to be explicit) instead of the checked-out one; the files stay the work tree's.")
    String ref;

    @Option(names = "--source", paramLabel = "SOURCE", defaultValue = "push",
            description = "CI_PIPELINE_SOURCE: push (default), web, api, schedule, trigger, merge_request_event, ...")
    String source;

    @Option(names = "--list", description = "List the jobs the pipeline would have: job, stage, when, needs, allow_failure.")
    boolean list;

    @Option(names = "--dry-run", description = "Plan only: show what would run, run nothing.")
    boolean dryRun;

    @Option(names = "--concurrency", paramLabel = "N", description = "Jobs running at once (default: the number of cores).")
    Integer concurrency;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report: pipeline status and each job's status, exit code and duration.")
    Path report;

    @Option(names = "--untracked", negatable = true, defaultValue = "true", fallbackValue = "true",
            description = "Give jobs the untracked files that git does not ignore (default: yes).")
    boolean untracked;

    @Option(names = "--executor", paramLabel = "NAME",
            description = "Where jobs run: shell (bash on this machine, the default) or docker (containers of a Docker "
                    + "engine, honouring image: and services:). Default from .sluice.yml.")
    String executor;

    @Option(names = "--docker-image", paramLabel = "IMAGE", description = "With --executor docker: the image of jobs without image:.")
    String dockerImage;

    @Option(names = "--pull-policy", paramLabel = "POLICY", description = "With --executor docker: always, if-not-present (default) or never; repeatable.")
    List<String> pullPolicies = new ArrayList<>();

    @Option(names = "--docker-host", paramLabel = "URL", description = "With --executor docker: the engine (default: DOCKER_HOST, else the local socket).")
    String dockerHost;

    @Option(names = "--no-color", description = "No colours (also without a terminal, or when NO_COLOR is set).")
    boolean noColor;

    private final Terminal terminal;

    RunCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Override
    public Integer call() {
        Path root = root();
        ProjectSettings settings = projectSettings(root);
        if (!SOURCES.contains(source)) {
            throw UserError.usage("--source: unknown pipeline source '" + source + "' (one of " + String.join(", ", SOURCES) + ")");
        }
        if (concurrency != null && concurrency < 1) {
            throw UserError.usage("--concurrency: must be at least 1");
        }
        if (!Files.isRegularFile(root.resolve(file))) {
            throw UserError.usage("no such file: " + file + " (in " + root + ")");
        }
        Map<String, String> pipelineVariables = pipelineVariables();
        var fileVariables = fileVariables();
        try (Executors executors = executors(settings)) {
            var options = new LocalRun.Options(root, file, Optional.ofNullable(ref), source, pipelineVariables,
                    fileVariables, jobs, needs, new HashSet<>(manual),
                    concurrency == null ? Runtime.getRuntime().availableProcessors() : concurrency, untracked,
                    executors.factory());
            return run(options);
        }
    }

    private int run(LocalRun.Options options) {
        LocalRun run;
        try {
            run = LocalRun.open(options);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
        try (run) {
            return switch (run.outcome()) {
                case LocalPlanner.Invalid invalid -> invalid(invalid);
                case LocalPlanner.NotCreated n -> {
                    terminal.out().println("No pipeline for " + run.source().context().ref() + ": " + n.reason());
                    yield ExitCodes.OK;
                }
                case LocalPlanner.Failed f -> {
                    f.errors().forEach(e -> terminal.out().println("error: " + e));
                    terminal.out().println("Pipeline failed at creation");
                    yield ExitCodes.FAILURE;
                }
                case LocalPlanner.Ready ready -> ready(run, ready);
            };
        }
    }

    private int invalid(LocalPlanner.Invalid invalid) {
        for (Diagnostic d : invalid.diagnostics()) {
            terminal.out().println(d.format());
        }
        long errors = invalid.diagnostics().stream().filter(Diagnostic::isError).count();
        terminal.out().println(file + ": invalid: " + Summary.count((int) errors, "error") + "; nothing was run");
        return ExitCodes.FAILURE;
    }

    private int ready(LocalRun run, LocalPlanner.Ready ready) {
        var out = terminal.out();
        ready.warnings().forEach(w -> out.println(w.format()));
        if (list) {
            PlanTable.list(out, ready.input().jobs());
            return ExitCodes.OK;
        }
        var context = run.source().context();
        if (dryRun) {
            out.println("Pipeline for " + (context.tag() ? "tag " : "branch ") + context.ref() + " (" + context.source() + "), nothing runs:");
            PlanTable.dryRun(out, ready.input().stages(), ready.input().jobs(), run.manual());
            return ExitCodes.OK;
        }
        var console = new RunConsole(out, colors());
        run.source().notes().forEach(n -> console.notice("Note: " + n));
        console.notice(console.color() ? "\u001b[1mPipeline #" + ready.input().id() + "\u001b[0m for "
                + describe(context) : "Pipeline #" + ready.input().id() + " for " + describe(context));
        Dispatcher dispatcher = run.dispatcher(console);
        Pipeline end;
        try (var interrupts = Interrupts.install(dispatcher, console)) {
            end = dispatcher.run();
            RunSummary.print(console, dispatcher);
            interrupts.finished();
        }
        if (report != null) {
            writeReport(dispatcher, run);
        }
        return end.status() == PipelineStatus.SUCCESS ? ExitCodes.OK : ExitCodes.FAILURE;
    }

    private static String describe(dev.sluice.engine.plan.TriggerContext context) {
        return (context.tag() ? "tag " : "branch ") + context.ref() + " at "
                + context.sha().substring(0, Math.min(8, context.sha().length())) + " (" + context.source() + ")";
    }

    private void writeReport(Dispatcher dispatcher, LocalRun run) {
        Path target = terminal.workingDir().resolve(report);
        try (Writer writer = Files.newBufferedWriter(target)) {
            Json.write(writer, json -> RunReport.write(json, dispatcher, run.source().context()));
        } catch (IOException e) {
            throw new UserError(ExitCodes.FAILURE, "cannot write the report " + report + ": " + e.getMessage());
        }
    }

    private Path root() {
        Path root = directory == null ? terminal.workingDir() : terminal.workingDir().resolve(directory);
        if (!Files.isDirectory(root)) {
            throw UserError.usage((Files.exists(root) ? "not a directory: " : "no such directory: ") + directory);
        }
        return root.toAbsolutePath().normalize();
    }

    private ProjectSettings projectSettings(Path root) {
        try {
            return ProjectSettings.read(root);
        } catch (IllegalArgumentException e) {
            throw UserError.usage(e.getMessage());
        }
    }

    /** The command line wins over .sluice.yml. */
    private Executors executors(ProjectSettings settings) {
        String name = executor != null ? executor : settings.executor().orElse("shell");
        return switch (name) {
            case "shell" -> Executors.shell();
            case "docker" -> {
                try {
                    yield Executors.docker(Optional.ofNullable(dockerHost).or(settings::dockerHost),
                            Optional.ofNullable(dockerImage).or(settings::dockerImage),
                            pullPolicies.isEmpty() ? settings.pullPolicies() : pullPolicies);
                } catch (IllegalArgumentException e) {
                    throw UserError.usage("--pull-policy: " + e.getMessage());
                } catch (IllegalStateException e) {
                    throw new UserError(ExitCodes.FAILURE, "--executor docker: " + e.getMessage());
                }
            }
            default -> throw UserError.usage("--executor: unknown executor '" + name + "' (shell, docker)");
        };
    }

    private Map<String, String> pipelineVariables() {
        Map<String, String> out = new LinkedHashMap<>();
        for (String v : variables) {
            int eq = v.indexOf('=');
            if (eq <= 0) {
                throw UserError.usage("--variable: expected KEY=VALUE, got '" + v + "'");
            }
            out.put(v.substring(0, eq), v.substring(eq + 1));
        }
        return out;
    }

    private List<JobVariable> fileVariables() {
        if (variablesFile == null) {
            return List.of();
        }
        Path path = terminal.workingDir().resolve(variablesFile);
        List<String> lines;
        try {
            lines = Files.readAllLines(path);
        } catch (IOException e) {
            throw UserError.usage("--variables-file: cannot read " + variablesFile + ": " + e.getMessage());
        }
        List<JobVariable> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq <= 0) {
                throw UserError.usage(variablesFile + ":" + (i + 1) + ": expected KEY=VALUE");
            }
            out.add(JobVariable.of(line.substring(0, eq).strip(), line.substring(eq + 1)).asMasked());
        }
        return out;
    }

    private boolean colors() {
        if (noColor || System.getenv("NO_COLOR") != null) {
            return false;
        }
        var console = System.console();
        if (console == null) {
            return false;
        }
        try { // Console.isTerminal() exists from JDK 22; before, a console exists only for a terminal
            return (Boolean) console.getClass().getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }
}
