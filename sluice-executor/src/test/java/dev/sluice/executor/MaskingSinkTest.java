package dev.sluice.executor;

import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

class MaskingSinkTest {

    private static String mask(List<String> secrets, List<String> prefixes, String... chunks) {
        var capture = new TraceCapture();
        var sink = new MaskingSink(capture, secrets, prefixes);
        for (String chunk : chunks) {
            sink.write(chunk);
        }
        sink.close();
        return capture.text();
    }

    private static String maskInChunksOf(int size, List<String> secrets, String input) {
        var capture = new TraceCapture();
        var sink = new MaskingSink(capture, secrets, MaskingSink.DEFAULT_TOKEN_PREFIXES);
        byte[] bytes = input.getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; i += size) {
            sink.write(bytes, i, Math.min(size, bytes.length - i));
        }
        sink.close();
        return capture.text();
    }

    @Test
    void masksSecretValues() {
        assertThat(mask(List.of("s3cr3tValue"), List.of(), "token is s3cr3tValue, again s3cr3tValue\n"))
                .isEqualTo("token is [MASKED], again [MASKED]\n");
    }

    @Test
    void masksSecretsSplitAcrossChunks() {
        assertThat(mask(List.of("s3cr3tValue"), List.of(), "token is s3c", "r3t", "Value!\n"))
                .isEqualTo("token is [MASKED]!\n");
    }

    @Test
    void masksWhateverTheChunkSize() {
        String input = "a s3cr3tValue b glpat-abc_DEF.1=2 c\nline two s3cr3tValue\ntail s3cr3tVal";
        String expected = "a [MASKED] b glpat-[MASKED] c\nline two [MASKED]\ntail s3cr3tVal";
        for (int size = 1; size <= input.length(); size++) {
            assertThat(maskInChunksOf(size, List.of("s3cr3tValue"), input)).as("chunk size %d", size).isEqualTo(expected);
        }
    }

    @Test
    void masksRandomChunkingsOfALongLog() {
        var random = new Random(42);
        var text = new StringBuilder();
        var expected = new StringBuilder();
        for (int i = 0; i < 300; i++) {
            String word = random.nextInt(7) == 0 ? "hunter2hunter2" : "w" + random.nextInt(1000);
            text.append(word).append(random.nextInt(9) == 0 ? "\n" : " ");
            expected.append(word.equals("hunter2hunter2") ? "[MASKED]" : word).append(text.charAt(text.length() - 1));
        }
        var capture = new TraceCapture();
        var sink = new MaskingSink(capture, List.of("hunter2hunter2"), List.of());
        byte[] bytes = text.toString().getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < bytes.length; ) {
            int n = Math.min(1 + random.nextInt(20), bytes.length - i);
            sink.write(bytes, i, n);
            i += n;
        }
        sink.close();
        assertThat(capture.text()).isEqualTo(expected.toString());
    }

    @Test
    void masksMultiLineSecretsLineByLine() {
        String key = "-----BEGIN KEY-----\nAAAAsecretline1\nBBBBsecretline2\n-----END KEY-----";
        assertThat(mask(List.of(key), List.of(), "cat key:\n-----BEGIN KEY-----\nAAAAsecret", "line1\nBBBBsecretline2\n"))
                .isEqualTo("cat key:\n[MASKED]\n[MASKED]\n[MASKED]\n");
    }

    @Test
    void prefersTheLongestOverlappingSecret() {
        assertThat(mask(List.of("abcdefgh", "abcdefghijkl"), List.of(), "x abcdefghijkl y\n"))
                .isEqualTo("x [MASKED] y\n");
    }

    @Test
    void masksTokensByPrefixKeepingThePrefix() {
        var prefixes = MaskingSink.DEFAULT_TOKEN_PREFIXES;
        assertThat(mask(List.of(), prefixes, "use glpat-imperdiet=_-. now\n")).isEqualTo("use glpat-[MASKED] now\n");
        assertThat(mask(List.of(), prefixes, "runner glrt-xyz, job glcbt-", "123abc\n"))
                .isEqualTo("runner glrt-[MASKED], job glcbt-[MASKED]\n");
        assertThat(mask(List.of(), prefixes, "gl", "pat-abc at the end")).isEqualTo("glpat-[MASKED] at the end");
    }

    @Test
    void aPrefixWithoutTokenIsLeftAlone() {
        assertThat(mask(List.of(), MaskingSink.DEFAULT_TOKEN_PREFIXES, "glpat- nothing\n")).isEqualTo("glpat- nothing\n");
    }

    @Test
    void passesCompleteLinesThroughAtOnce() {
        var capture = new TraceCapture();
        var sink = new MaskingSink(capture, List.of("averylongsecretvalue"), List.of());
        sink.write("first line\nsecond");
        assertThat(capture.text()).isEqualTo("first line\n");
        sink.write(" line is long enough to pass\n");
        assertThat(capture.text()).isEqualTo("first line\nsecond line is long enough to pass\n");
    }

    @Test
    void emptySecretsAreIgnored() {
        assertThat(mask(List.of(""), List.of(), "nothing to hide\n")).isEqualTo("nothing to hide\n");
    }
}
