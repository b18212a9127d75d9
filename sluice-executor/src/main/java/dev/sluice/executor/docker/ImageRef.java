package dev.sluice.executor.docker;

/**
 * An image name split as the engine reads it: {@code registry:5000/group/app:1.2@sha256:...}. A colon is
 * a tag only after the last slash, so a registry port is part of the repository.
 *
 * @param tag    {@code latest} when none is given
 * @param digest empty when none is given
 */
record ImageRef(String repository, String tag, String digest) {

    static ImageRef parse(String name) {
        String rest = name.strip();
        String digest = "";
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = rest.substring(at + 1);
            rest = rest.substring(0, at);
        }
        int colon = rest.lastIndexOf(':');
        if (colon > rest.lastIndexOf('/')) {
            return new ImageRef(rest.substring(0, colon), rest.substring(colon + 1), digest);
        }
        return new ImageRef(rest, "latest", digest);
    }

    /** What to ask the engine to pull: {@code repo@digest} or {@code repo:tag}. */
    String canonical() {
        return digest.isEmpty() ? repository + ":" + tag : repository + "@" + digest;
    }
}
