package dev.sluice.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;

/**
 * Masks secret values in one job's log as it streams in, chunk by chunk. A value may be split across
 * chunks, so the bytes that could still begin a secret (at most the longest secret's length minus one)
 * are held back until the next chunk or {@link #finish}. As GitLab's own trace masking does, a secret
 * becomes {@code [MASKED]} padded with {@code x} to the secret's length in bytes (a secret shorter than
 * that becomes only {@code x}s): the stored log keeps the length the runner sent, so trace offsets need
 * no translation. Not thread-safe: one per job, used under that job's lock.
 */
final class TraceMask {

    private static final byte[] LABEL = "[MASKED]".getBytes(StandardCharsets.US_ASCII);

    private final List<byte[]> secrets;
    private byte[] held = new byte[0];

    TraceMask(Collection<String> secrets) {
        this.secrets = secrets.stream().filter(s -> !s.isEmpty()).distinct()
                .map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();
    }

    /** The bytes safe to store now; the rest of {@code chunk} stays held. */
    byte[] feed(byte[] chunk) {
        return scan(concat(held, chunk), false);
    }

    /** Everything still held, masked: the job's log has ended. */
    byte[] finish() {
        return scan(held, true);
    }

    /** How many bytes the runner sent that are not yet released. */
    int held() {
        return held.length;
    }

    private byte[] scan(byte[] in, boolean end) {
        var out = new ByteArrayOutputStream(in.length);
        int i = 0;
        while (i < in.length) {
            int match = 0;
            boolean undecided = false;
            for (byte[] secret : secrets) {
                int n = common(in, i, secret);
                if (n == secret.length) {
                    match = Math.max(match, n);
                } else if (!end && i + n == in.length) {
                    undecided = true; // the buffer ends inside what may still become this secret
                }
            }
            if (undecided) {
                break;
            }
            if (match > 0) {
                out.writeBytes(replacement(match));
                i += match;
            } else {
                out.write(in[i++]);
            }
        }
        held = Arrays.copyOfRange(in, i, in.length);
        return out.toByteArray();
    }

    private static int common(byte[] in, int from, byte[] secret) {
        int n = 0;
        while (n < secret.length && from + n < in.length && in[from + n] == secret[n]) {
            n++;
        }
        return n;
    }

    private static byte[] replacement(int length) {
        byte[] r = new byte[length];
        Arrays.fill(r, (byte) 'x');
        if (length >= LABEL.length) {
            System.arraycopy(LABEL, 0, r, 0, LABEL.length);
        }
        return r;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }
}
