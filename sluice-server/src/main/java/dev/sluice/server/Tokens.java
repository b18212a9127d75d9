package dev.sluice.server;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.OptionalLong;

/** Secret tokens: made with a GitLab prefix, stored only as a SHA-256 hash. */
final class Tokens {

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Cloned for each hash: looking the algorithm up through the providers costs more than hashing a token. */
    private static final MessageDigest SHA_256 = sha256();
    private static final String JOB_PREFIX = "glcbt-";
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_";

    private Tokens() {
    }

    /** {@code prefix} + 24 random characters, e.g. {@code glrt-} for runners, {@code glcbt-} for jobs. */
    static String generate(String prefix) {
        var sb = new StringBuilder(prefix);
        for (int i = 0; i < 24; i++) {
            sb.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return sb.toString();
    }

    /**
     * A job's token: {@code glcbt-}, the job's id, {@code _} and 24 random characters. The id lets a request that
     * names another job (an artifact download names its dependency) find the job the token belongs to by its key.
     */
    static String forJob(long jobId) {
        return generate(JOB_PREFIX + jobId + "_");
    }

    /** The job a token made by {@link #forJob} names; empty for any other text. Only its hash proves it is that job's. */
    static OptionalLong jobOf(String token) {
        int end = token == null || !token.startsWith(JOB_PREFIX) ? -1 : token.indexOf('_', JOB_PREFIX.length());
        if (end <= JOB_PREFIX.length() || end > JOB_PREFIX.length() + 18) {
            return OptionalLong.empty();
        }
        for (int i = JOB_PREFIX.length(); i < end; i++) {
            if (token.charAt(i) < '0' || token.charAt(i) > '9') {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.of(Long.parseLong(token, JOB_PREFIX.length(), end, 10));
    }

    static String hash(String token) {
        MessageDigest digest;
        try {
            digest = (MessageDigest) SHA_256.clone();
        } catch (CloneNotSupportedException e) {
            digest = sha256();
        }
        return HexFormat.of().formatHex(digest.digest(token.getBytes(StandardCharsets.UTF_8)));
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
