package dev.sluice.engine.plan;

import java.util.Locale;

/** GitLab's slugs: {@code CI_COMMIT_REF_SLUG}, {@code CI_PROJECT_PATH_SLUG}, {@code CI_JOB_NAME_SLUG}, {@code CI_ENVIRONMENT_SLUG}. */
public final class Slugs {

    private Slugs() {
    }

    /** Lowercase, every run of characters outside [a-z0-9] becomes '-', at most 63 bytes, no '-' at either end. */
    public static String ref(String name) {
        return slug(name, 63);
    }

    static String slug(String name, int max) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        if (s.length() > max) {
            s = s.substring(0, max);
        }
        return s.replaceAll("^-+", "").replaceAll("-+$", "");
    }

    /**
     * {@code CI_ENVIRONMENT_SLUG}: DNS-safe, at most 24 characters, starting with a letter. A name
     * that slugging changed, or that is too long, is cut to 17 characters and gets a 6-character
     * suffix derived from the name, so that different names keep different slugs.
     */
    public static String environment(String name) {
        String s = name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "-");
        if (s.isEmpty() || s.charAt(0) < 'a' || s.charAt(0) > 'z') {
            s = "env-" + s;
        }
        s = s.replaceAll("-+", "-");
        if (s.length() > 24 || !s.equals(name)) {
            String shortened = s.substring(0, Math.min(17, s.length()));
            return (shortened.endsWith("-") ? shortened : shortened + "-") + suffix(name);
        }
        return s.endsWith("-") ? s.substring(0, s.length() - 1) : s;
    }

    private static String suffix(String name) {
        try {
            // String.getBytes() is UTF-8 on Java 18+ (JEP 400); java.nio stays out of the pure engine.
            byte[] digest = java.security.MessageDigest.getInstance("SHA-256").digest(name.getBytes());
            String base36 = new java.math.BigInteger(1, digest).toString(36);
            return base36.substring(base36.length() - 6);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
