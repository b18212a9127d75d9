package dev.sluice.executor;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class FileCollectorTest {

    @TempDir
    Path root;

    @BeforeEach
    void files() throws IOException {
        for (String f : List.of("build/app.bin", "build/obj/a.o", "build/obj/b.o", "build/tmp/x.log", "docs/readme.md", "top.txt")) {
            Files.createDirectories(root.resolve(f).getParent());
            Files.writeString(root.resolve(f), f);
        }
    }

    private FileCollector.Collected collect(List<String> paths, List<String> exclude) throws IOException {
        return FileCollector.collect(root, paths, exclude, false);
    }

    @Test
    void aDirectoryBringsItsWholeTree() throws IOException {
        assertThat(collect(List.of("build/"), List.of()).entries()).containsExactly("build/", "build/app.bin",
                "build/obj/", "build/obj/a.o", "build/obj/b.o", "build/tmp/", "build/tmp/x.log");
    }

    @Test
    void globsMatchFilesAnywhere() throws IOException {
        assertThat(collect(List.of("**/*.o", "./top.txt"), List.of()).entries())
                .containsExactly("build/obj/a.o", "build/obj/b.o", "top.txt");
    }

    @Test
    void excludeRemovesMatchingFilesButIsNotRecursiveByItself() throws IOException {
        var c = collect(List.of("build"), List.of("build/**/*.o", "build/tmp"));
        assertThat(c.entries()).containsExactly("build/", "build/app.bin", "build/obj/", "build/tmp/x.log");
        assertThat(c.excluded()).isEqualTo(3);
        assertThat(collect(List.of("build"), List.of("build/tmp/**")).entries()).doesNotContain("build/tmp/x.log");
    }

    @Test
    void warnsAboutPathsThatMatchNothingOrLeaveTheProject() throws IOException {
        var c = collect(List.of("missing/", "../outside"), List.of());
        assertThat(c.entries()).isEmpty();
        assertThat(c.warnings()).hasSize(2);
        assertThat(c.warnings().get(0)).startsWith("missing/: no matching files");
        assertThat(c.warnings().get(1)).contains("not a subpath of project directory");
    }
}
