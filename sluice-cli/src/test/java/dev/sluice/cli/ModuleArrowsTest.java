package dev.sluice.cli;

import static com.tngtech.archunit.base.DescribedPredicate.describe;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import dev.sluice.config.PipelineCompiler;
import dev.sluice.config.archfixture.StartsAProcess;
import dev.sluice.model.Diagnostic;
import dev.sluice.model.archfixture.ModelNeedsConfig;
import java.util.ArrayDeque;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The module arrows of ARCHITECTURE.md, checked on the compiled classes of every module (sluice-cli
 * sees them all). A module may use its declared dependencies and, through them, theirs. Modules not
 * written yet are listed already: their rules pass while they have no classes.
 */
class ModuleArrowsTest {

    /** A module of the reactor: the package it owns (and everything below) and the modules it depends on. */
    record Module(String name, String pkg, List<String> deps) {
    }

    static final List<Module> MODULES = List.of(
            new Module("sluice-model", "dev.sluice.model", List.of()),
            new Module("sluice-config", "dev.sluice.config", List.of("sluice-model")),
            new Module("sluice-engine", "dev.sluice.engine", List.of("sluice-model", "sluice-config")),
            new Module("sluice-protocol", "dev.sluice.protocol", List.of("sluice-model")),
            new Module("sluice-executor", "dev.sluice.executor", List.of("sluice-model")),
            new Module("sluice-executor-kubernetes", "dev.sluice.executor.kubernetes", List.of("sluice-executor")),
            new Module("sluice-runner", "dev.sluice.runner", List.of("sluice-protocol", "sluice-executor")),
            new Module("sluice-server", "dev.sluice.server", List.of("sluice-engine", "sluice-protocol", "sluice-runner")),
            // "all": everything is reachable from these two
            new Module("sluice-cli", "dev.sluice.cli", List.of("sluice-server", "sluice-executor-kubernetes")));

    /** Pure modules: functions over data, no network, processes, threads or file system. */
    static final List<String> PURE = List.of("sluice-config", "sluice-engine");

    private static final JavaClasses MAIN_CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.sluice");

    @Test
    void importSeesEveryExistingModule() {
        assertThat(MAIN_CLASSES.contain(Diagnostic.class)).isTrue();
        assertThat(MAIN_CLASSES.contain(PipelineCompiler.class)).isTrue();
        assertThat(MAIN_CLASSES.contain(Main.class)).isTrue();
        assertThat(MAIN_CLASSES.contain(StartsAProcess.class)).as("test classes are not imported").isFalse();
    }

    @TestFactory
    Stream<DynamicTest> eachModuleDependsOnlyOnWhatItDeclares() {
        return MODULES.stream().map(module -> DynamicTest.dynamicTest(module.name(),
                () -> arrowsOf(module).check(MAIN_CLASSES)));
    }

    @TestFactory
    Stream<DynamicTest> pureModulesDoNoInputOutput() {
        return PURE.stream().map(name -> DynamicTest.dynamicTest(name,
                () -> purityOf(module(name)).check(MAIN_CLASSES)));
    }

    @Test
    void everySluicePackageBelongsToAModule() {
        classes().that().resideInAPackage("dev.sluice..")
                .should(new ArchCondition<JavaClass>("belong to a module listed in ModuleArrowsTest") {
                    @Override
                    public void check(JavaClass item, ConditionEvents events) {
                        if (owner(item).isEmpty()) {
                            events.add(SimpleConditionEvent.violated(item, item.getName()
                                    + " is in no module's package: add its module to ModuleArrowsTest and ARCHITECTURE.md"));
                        }
                    }
                })
                .check(MAIN_CLASSES);
    }

    @Test
    void rulesCatchViolations() {
        JavaClasses fixtures = new ClassFileImporter().importClasses(StartsAProcess.class, ModelNeedsConfig.class);

        assertThat(purityOf(module("sluice-config")).evaluate(fixtures).hasViolation()).isTrue();
        assertThat(arrowsOf(module("sluice-model")).evaluate(fixtures).hasViolation()).isTrue();
        assertThat(arrowsOf(module("sluice-cli")).evaluate(fixtures).hasViolation()).isFalse();
    }

    static ArchRule arrowsOf(Module module) {
        Set<String> allowed = allowed(module);
        DescribedPredicate<JavaClass> forbidden = describe("are in a Sluice module other than " + allowed,
                target -> owner(target).filter(owner -> !allowed.contains(owner.name())).isPresent());
        return noClasses().that(inModule(module)).should().dependOnClassesThat(forbidden)
                .because("ARCHITECTURE.md: " + module.name() + " depends on " + (module.deps().isEmpty() ? "nothing" : module.deps()))
                .allowEmptyShould(true);
    }

    static ArchRule purityOf(Module module) {
        return noClasses().that(inModule(module)).should().dependOnClassesThat(doInputOutput())
                .because("ARCHITECTURE.md: config and engine do no network or process I/O and start no threads")
                .allowEmptyShould(true);
    }

    /** Network, processes, threads and the file system; java.net's pure value types (URI, URL encoding) are fine. */
    private static DescribedPredicate<JavaClass> doInputOutput() {
        Set<String> pureNet = Set.of("java.net.URI", "java.net.URISyntaxException", "java.net.URLEncoder", "java.net.URLDecoder");
        Set<String> forbiddenTypes = Set.of("java.lang.ProcessBuilder", "java.lang.Process", "java.lang.ProcessHandle",
                "java.lang.Thread", "java.lang.Runtime", "java.util.Timer",
                "java.util.concurrent.ForkJoinPool", "java.util.concurrent.CompletableFuture",
                "java.nio.file.Files", "java.io.File", "java.io.FileInputStream", "java.io.FileOutputStream",
                "java.io.FileReader", "java.io.FileWriter", "java.io.RandomAccessFile");
        return describe("do network, process, thread or file I/O (java.net, ProcessBuilder, Thread, Executor*, Files, ...)",
                c -> resideInAPackage("java.net..").test(c) && !pureNet.contains(c.getName())
                        || forbiddenTypes.contains(c.getName())
                        || c.getPackageName().equals("java.util.concurrent") && c.getSimpleName().startsWith("Executor"));
    }

    private static DescribedPredicate<JavaClass> inModule(Module module) {
        return describe("are in " + module.name() + " (" + module.pkg() + "..)",
                c -> owner(c).filter(module::equals).isPresent());
    }

    /** The module owning a class: the one with the longest package prefix (executor.kubernetes before executor). */
    static Optional<Module> owner(JavaClass c) {
        String pkg = c.getPackageName();
        return MODULES.stream()
                .filter(m -> pkg.equals(m.pkg()) || pkg.startsWith(m.pkg() + "."))
                .max(Comparator.comparingInt(m -> m.pkg().length()));
    }

    /** The module itself and everything it reaches through its declared dependencies. */
    static Set<String> allowed(Module module) {
        Set<String> reached = new LinkedHashSet<>();
        var todo = new ArrayDeque<String>(List.of(module.name()));
        while (!todo.isEmpty()) {
            String next = todo.pop();
            if (reached.add(next)) {
                todo.addAll(module(next).deps());
            }
        }
        return reached;
    }

    static Module module(String name) {
        return MODULES.stream().filter(m -> m.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no module " + name));
    }
}
