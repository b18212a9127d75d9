package dev.sluice.executor;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class StepScriptTest {

    @Test
    void quotesEveryCharacterForBash() {
        assertThat(StepScript.ansiC("it's a \\ \"test\"\n\t$HOME\u001b"))
                .isEqualTo("$'it\\'s a \\\\ \"test\"\\n\\t$HOME\\x1b'");
    }

    @Test
    void scriptStopsOnErrorsAndRunsAllCommandsInOneEval() {
        String script = StepScript.bash(List.of("echo one", "false"));
        assertThat(script).startsWith("set -eo pipefail\nset +o noclobber\neval $'")
                .endsWith("'\nexit 0\n");
        assertThat(script).contains("\\necho one\\n", "\\nfalse\\n").contains("\\\\x1b[32;1m$ echo one\\\\x1b[0;m");
    }

    @Test
    void multiLineCommandsAreEchoedCollapsed() {
        assertThat(StepScript.echoed("for i in 1 2; do\n  echo $i\ndone\n"))
                .isEqualTo("for i in 1 2; do # collapsed multi-line command");
        assertThat(StepScript.echoed("  make all  ")).isEqualTo("make all");
        assertThat(StepScript.echoed("make\n")).isEqualTo("make");
    }
}
