package dev.sluice.config;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.PropertyAccessor;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.sluice.model.Diagnostic;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Golden tests: each folder under {@code src/test/resources/golden} is a repository whose
 * {@code .gitlab-ci.yml} compiles to {@code expected.json} (diagnostics and the definition).
 * Regenerate with {@code -Dsluice.golden.update=true} and review the diff.
 */
class GoldenTest {

    private static final Path ROOT = Path.of("src/test/resources/golden");
    private static final boolean UPDATE = Boolean.getBoolean("sluice.golden.update");
    private static final ObjectMapper JSON = new ObjectMapper()
            .registerModule(new Jdk8Module())
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DURATIONS_AS_TIMESTAMPS)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            // record components only: no isKnown()/isLocal()/isTrigger() conveniences
            .setVisibility(PropertyAccessor.IS_GETTER, JsonAutoDetect.Visibility.NONE);
    private static final ObjectWriter WRITER = JSON.writer(new DefaultPrettyPrinter()
            .withArrayIndenter(DefaultIndenter.SYSTEM_LINEFEED_INSTANCE));

    @TestFactory
    Stream<DynamicTest> compilesToReviewedJson() throws IOException {
        try (Stream<Path> dirs = Files.list(ROOT)) {
            return dirs.filter(Files::isDirectory).sorted().toList().stream()
                    .map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
        }
    }

    private static void check(Path dir) throws IOException {
        InMemoryFiles files = InMemoryFiles.of(dir);
        String text = files.read(".gitlab-ci.yml").orElseThrow();
        CompileResult result = new PipelineCompiler().compile(CompileRequest.of(".gitlab-ci.yml", text).withFiles(files));
        ObjectNode out = JSON.createObjectNode();
        out.put("valid", result.valid());
        var diagnostics = out.putArray("diagnostics");
        result.diagnostics().stream().map(Diagnostic::format).forEach(diagnostics::add);
        out.set("pipeline", JSON.valueToTree(result.pipeline().orElse(null)));
        String actual = WRITER.writeValueAsString(out) + "\n";
        Path expected = dir.resolve("expected.json");
        if (UPDATE) {
            Files.writeString(expected, actual);
        }
        assertThat(expected).as("%s is missing: run with -Dsluice.golden.update=true and review it", expected).exists();
        assertThat(actual).as("golden %s (regenerate with -Dsluice.golden.update=true)", dir).isEqualTo(Files.readString(expected));
    }
}
