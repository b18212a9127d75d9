package dev.sluice.model;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

class DotenvTest {

    private static Dotenv.Result parse(String text) {
        return Dotenv.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void readsKeyValueLinesStrippingSpacesAndKeepingQuotes() {
        var r = parse("VERSION=1.2.3\n  URL = https://x.test/?a=b \nQUOTED=\"kept\"\nEMPTY=\r\n");
        assertThat(r.ok()).isTrue();
        assertThat(r.variables()).containsExactly(JobVariable.of("VERSION", "1.2.3"),
                JobVariable.of("URL", "https://x.test/?a=b"), JobVariable.of("QUOTED", "\"kept\""),
                JobVariable.of("EMPTY", ""));
    }

    @Test
    void theLastDuplicateWins() {
        assertThat(parse("A=1\nB=2\nA=3\n").variables()).containsExactly(JobVariable.of("B", "2"), JobVariable.of("A", "3"));
    }

    @Test
    void emptyLinesCommentsAndBadKeysRejectTheWholeFile() {
        var r = parse("A=1\n\n# comment\nexport B=2\n=3\n");
        assertThat(r.ok()).isFalse();
        assertThat(r.variables()).isEmpty();
        assertThat(r.problems()).containsExactly("line 2: Invalid Format (expected KEY=value)",
                "line 3: Invalid Format (expected KEY=value)", "line 4: invalid variable key 'export B'",
                "line 5: invalid variable key ''");
    }

    @Test
    void enforcesTheVariableLimitAfterDuplicatesCollapse() {
        var text = new StringBuilder();
        for (int i = 0; i < 21; i++) {
            text.append("K").append(i).append("=v\n");
        }
        assertThat(parse(text.toString()).problems()).containsExactly("Dotenv files cannot have more than 20 variables");
        assertThat(parse(text + "K0=again\n").ok()).isFalse();
        assertThat(parse("A=1\nA=2\n".repeat(15)).ok()).isTrue();
    }

    @Test
    void enforcesTheSizeLimitOnTheCompressedFile() {
        var random = new java.util.Random(1);
        var big = new StringBuilder("BIG=");
        while (big.length() < 8000) {
            big.append((char) ('0' + random.nextInt(75)));
        }
        assertThat(parse(big + "\n").problems()).containsExactly("Dotenv Artifact Too Big. Maximum Allowable Size: 5120");
        assertThat(parse("A=" + "x".repeat(8000) + "\n").ok()).as("compresses well").isTrue();
    }

    @Test
    void dropsAByteOrderMark() {
        assertThat(parse("\uFEFFA=1\n").variables()).containsExactly(JobVariable.of("A", "1"));
    }
}
