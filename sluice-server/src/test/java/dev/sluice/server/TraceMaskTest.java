package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class TraceMaskTest {

    private static final String SECRET = "s3cr3t-Value";

    @Test
    void aSecretSplitAtEveryPositionOfTwoChunksIsMaskedWithTheSameLength() {
        String log = "token=" + SECRET + " and again " + SECRET + "\n";
        for (int cut = 0; cut <= log.length(); cut++) {
            String stored = stream(List.of(SECRET), log.substring(0, cut), log.substring(cut));
            assertThat(stored).as("cut at %d", cut)
                    .isEqualTo("token=[MASKED]xxxx and again [MASKED]xxxx\n")
                    .hasSameSizeAs(log);
        }
    }

    @Test
    void aSecretSplitIntoThreeChunksAtEveryPairOfPositions() {
        String log = "a" + SECRET + "b";
        for (int i = 0; i <= log.length(); i++) {
            for (int j = i; j <= log.length(); j++) {
                assertThat(stream(List.of(SECRET), log.substring(0, i), log.substring(i, j), log.substring(j)))
                        .as("cuts %d, %d", i, j).isEqualTo("a[MASKED]xxxxb");
            }
        }
    }

    @Test
    void heldBytesAreAtMostTheLongestSecretMinusOneAndAreReleasedWhenTheyCannotBeASecret() {
        var mask = new TraceMask(List.of(SECRET));
        assertThat(new String(mask.feed("hello s3cr3t-Val".getBytes()))).isEqualTo("hello ");
        assertThat(mask.held()).isEqualTo("s3cr3t-Val".length()).isLessThan(SECRET.length());
        assertThat(new String(mask.feed("ley".getBytes()))).as("not the secret after all").isEqualTo("s3cr3t-Valley");
        assertThat(mask.held()).isZero();
    }

    @Test
    void aPrefixOfASecretAtTheEndIsWrittenAsIsWhenTheLogEnds() {
        var mask = new TraceMask(List.of(SECRET));
        var out = new ByteArrayOutputStream();
        out.writeBytes(mask.feed("tail s3cr3t".getBytes()));
        out.writeBytes(mask.finish());
        assertThat(out.toString()).isEqualTo("tail s3cr3t");
    }

    @Test
    void theLongestOfOverlappingSecretsWinsAndShortOnesBecomeXs() {
        assertThat(stream(List.of("abcdefgh", "abcdefghijkl"), "[abcdefghijkl]", "")).isEqualTo("[[MASKED]xxxx]");
        assertThat(stream(List.of("abcdefgh", "abcdefghijkl"), "[abcdefgh", "ij]")).isEqualTo("[[MASKED]ij]");
        assertThat(stream(List.of("pass"), "my pass!", "")).isEqualTo("my xxxx!");
    }

    @Test
    void multiByteSecretsAreMaskedByTheirByteLength() {
        String secret = "pässwörd-ünïcode";
        String log = "x" + secret + "y";
        byte[] bytes = log.getBytes(StandardCharsets.UTF_8);
        for (int cut = 0; cut <= bytes.length; cut++) {
            var mask = new TraceMask(List.of(secret));
            var out = new ByteArrayOutputStream();
            out.writeBytes(mask.feed(Arrays.copyOfRange(bytes, 0, cut)));
            out.writeBytes(mask.feed(Arrays.copyOfRange(bytes, cut, bytes.length)));
            out.writeBytes(mask.finish());
            assertThat(out.size()).isEqualTo(bytes.length);
            assertThat(out.toString(StandardCharsets.UTF_8)).startsWith("x[MASKED]x").endsWith("xy").doesNotContain("ö");
        }
    }

    @Test
    void withoutSecretsNothingIsHeld() {
        var mask = new TraceMask(List.of());
        assertThat(new String(mask.feed("all of it".getBytes()))).isEqualTo("all of it");
        assertThat(mask.held()).isZero();
    }

    private static String stream(List<String> secrets, String... chunks) {
        var mask = new TraceMask(secrets);
        var out = new ByteArrayOutputStream();
        for (String chunk : chunks) {
            out.writeBytes(mask.feed(chunk.getBytes(StandardCharsets.UTF_8)));
        }
        out.writeBytes(mask.finish());
        return out.toString(StandardCharsets.UTF_8);
    }
}
