package dev.sluice.server.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LineIndexTest {

    @TempDir
    Path tmp;
    private final LineIndex index = new LineIndex();

    @Test
    void countsAgreeWithAPlainCountAnywhereInAGrowingLog() throws Exception {
        Path log = tmp.resolve("1.log");
        var random = new Random(7);
        append(log, random, 3 * LineIndex.STEP + 1234);
        check(log, random);
        append(log, random, 2 * LineIndex.STEP + 99);
        check(log, random);
        assertThat(index.linesBefore(log, LineIndex.STEP)).isEqualTo(plain(log, LineIndex.STEP));
        assertThat(index.linesBefore(log, 0)).isZero();
    }

    @Test
    void aReplacedOrShortenedLogIsCountedAgain() throws Exception {
        Path log = tmp.resolve("2.log");
        Files.writeString(log, "a\n".repeat(LineIndex.STEP));
        long size = Files.size(log);
        assertThat(index.linesBefore(log, size)).isEqualTo(LineIndex.STEP);
        Path other = tmp.resolve("other.log");
        Files.writeString(other, "abcd\n".repeat(LineIndex.STEP / 2));
        Files.move(other, log, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        assertThat(index.linesBefore(log, Files.size(log))).isEqualTo(LineIndex.STEP / 2);
        Files.writeString(log, "xy\n".repeat(10));
        assertThat(index.linesBefore(log, Files.size(log))).isEqualTo(10);
    }

    private void check(Path log, Random random) throws Exception {
        long size = Files.size(log);
        for (int i = 0; i < 20; i++) {
            long end = random.nextLong(size + 1);
            assertThat(index.linesBefore(log, end)).as("lines before " + end).isEqualTo(plain(log, end));
        }
        assertThat(index.linesBefore(log, size)).isEqualTo(plain(log, size));
    }

    private static void append(Path log, Random random, int bytes) throws Exception {
        var text = new StringBuilder();
        while (text.length() < bytes) {
            text.append("x".repeat(random.nextInt(120))).append('\n');
        }
        Files.writeString(log, text.substring(0, bytes), StandardCharsets.US_ASCII, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static long plain(Path log, long end) throws Exception {
        byte[] bytes = Files.readAllBytes(log);
        long n = 0;
        for (int i = 0; i < end; i++) {
            if (bytes[i] == '\n') {
                n++;
            }
        }
        return n;
    }
}
