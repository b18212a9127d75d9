package dev.sluice.executor;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class GlobTest {

    private static boolean m(String glob, String path) {
        return Glob.compile(glob).matches(path);
    }

    @Test
    void starStaysWithinASegment() {
        assertThat(m("*.txt", "a.txt")).isTrue();
        assertThat(m("*.txt", "dir/a.txt")).isFalse();
        assertThat(m("build/*", "build/x")).isTrue();
        assertThat(m("build/*", "build/x/y")).isFalse();
    }

    @Test
    void doubleStarSpansDirectoriesIncludingNone() {
        assertThat(m("**/*.o", "a.o")).isTrue();
        assertThat(m("**/*.o", "x/y/a.o")).isTrue();
        assertThat(m("src/**/test", "src/test")).isTrue();
        assertThat(m("src/**/test", "src/a/b/test")).isTrue();
        assertThat(m("src/**", "src/a/b")).isTrue();
        assertThat(m("src/**/test", "srcx/test")).isFalse();
    }

    @Test
    void questionMarkClassesAndAlternatives() {
        assertThat(m("file?.log", "file1.log")).isTrue();
        assertThat(m("file?.log", "file10.log")).isFalse();
        assertThat(m("[ab]*.c", "bx.c")).isTrue();
        assertThat(m("[!ab]*.c", "bx.c")).isFalse();
        assertThat(m("*.{jar,war}", "app.war")).isTrue();
        assertThat(m("*.{jar,war}", "app.ear")).isFalse();
    }

    @Test
    void regexCharactersAreLiteral() {
        assertThat(m("a+b(1).txt", "a+b(1).txt")).isTrue();
        assertThat(m("a.txt", "abtxt")).isFalse();
        assertThat(m("\\*.txt", "*.txt")).isTrue();
    }
}
