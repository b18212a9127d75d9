package dev.sluice.executor;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * Replaces secrets with {@code [MASKED]} in a streamed log, however the stream is cut into chunks.
 *
 * <p>Two kinds of secret, as in gitlab-runner: the values of masked variables (a multi-line value is masked
 * line by line, because no phrase can span a line end here), and tokens recognised by prefix
 * ({@code glpat-abc} becomes {@code glpat-[MASKED]}: the prefix stays, the token characters
 * {@code [A-Za-z0-9_.=-]} after it are hidden).
 *
 * <p>It holds back only what could still be the start of a secret: nothing before the last line end, and
 * at most the longest phrase's length minus one byte after it (longer while a token is still running).
 */
public final class MaskingSink implements TraceSink {

    /** GitLab's token prefixes; GitLab also sends its own list in {@code features.token_mask_prefixes}. */
    public static final List<String> DEFAULT_TOKEN_PREFIXES = List.of("glpat-", "gloas-", "gldt-", "glrt-",
            "glcbt-", "glptt-", "glft-", "glimt-", "glagent-", "glsoat-", "glffct-", "GR1348941");

    private static final byte[] MASK = "[MASKED]".getBytes(StandardCharsets.UTF_8);
    private static final int MAX_HELD = 64 * 1024;

    private final TraceSink next;
    private final byte[][] phrases;
    private final byte[][] prefixes;
    private final int lookback;
    private byte[] held = new byte[0];

    public MaskingSink(TraceSink next, Collection<String> secrets, Collection<String> tokenPrefixes) {
        this.next = next;
        var lines = new LinkedHashSet<String>();
        for (String secret : secrets) {
            for (String line : secret.split("\r?\n")) {
                if (!line.isEmpty()) {
                    lines.add(line);
                }
            }
        }
        this.phrases = lines.stream().map(s -> s.getBytes(StandardCharsets.UTF_8))
                .sorted(Comparator.comparingInt((byte[] b) -> b.length).reversed()).toArray(byte[][]::new);
        this.prefixes = tokenPrefixes.stream().map(String::strip).filter(p -> !p.isEmpty())
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).toArray(byte[][]::new);
        int longest = 1;
        for (byte[] p : phrases) {
            longest = Math.max(longest, p.length);
        }
        for (byte[] p : prefixes) {
            longest = Math.max(longest, p.length + 1);
        }
        this.lookback = longest - 1;
    }

    @Override
    public synchronized void write(byte[] bytes, int offset, int length) {
        byte[] joined = Arrays.copyOf(held, held.length + length);
        System.arraycopy(bytes, offset, joined, held.length, length);
        held = joined;
        drain(false);
    }

    @Override
    public synchronized void close() {
        drain(true);
        next.close();
    }

    private void drain(boolean atEnd) {
        int n = held.length;
        int decided = atEnd || n > MAX_HELD ? n : Math.max(lastLineEnd(held) + 1, n - lookback);
        var out = new ByteArrayOutputStream(n + 16);
        int i = 0;
        while (i < decided) {
            int phrase = phraseAt(i);
            if (phrase > 0) {
                out.write(MASK, 0, MASK.length);
                i += phrase;
                continue;
            }
            int token = tokenEnd(i, atEnd || n > MAX_HELD);
            if (token < 0) {
                break; // a token runs to the end of what we have: wait for more
            }
            if (token > 0) {
                int prefixLength = prefixAt(i);
                out.write(held, i, prefixLength);
                out.write(MASK, 0, MASK.length);
                i = token;
                continue;
            }
            out.write(held[i]);
            i++;
        }
        held = Arrays.copyOfRange(held, i, n);
        if (out.size() > 0) {
            next.write(out.toByteArray(), 0, out.size());
        }
    }

    private int phraseAt(int i) {
        for (byte[] p : phrases) {
            if (matches(p, i)) {
                return p.length;
            }
        }
        return 0;
    }

    private int prefixAt(int i) {
        for (byte[] p : prefixes) {
            if (matches(p, i)) {
                return p.length;
            }
        }
        return 0;
    }

    /** End of a prefixed token at {@code i}; 0 when there is none; -1 when it may continue past our data. */
    private int tokenEnd(int i, boolean final_) {
        int prefix = prefixAt(i);
        if (prefix == 0) {
            return 0;
        }
        int end = i + prefix;
        while (end < held.length && isTokenByte(held[end])) {
            end++;
        }
        if (end == held.length && !final_) {
            return -1;
        }
        return end == i + prefix ? 0 : end;
    }

    private boolean matches(byte[] p, int i) {
        return i + p.length <= held.length && Arrays.equals(held, i, i + p.length, p, 0, p.length);
    }

    private static boolean isTokenByte(byte b) {
        return (b >= 'a' && b <= 'z') || (b >= 'A' && b <= 'Z') || (b >= '0' && b <= '9')
                || b == '_' || b == '-' || b == '.' || b == '=';
    }

    private static int lastLineEnd(byte[] bytes) {
        for (int i = bytes.length - 1; i >= 0; i--) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return -1;
    }
}
