package dev.sluice.server;

import java.util.Optional;

/** Projects that mirror a repository on another forge: where to fetch, the webhook secret, where to report. */
interface Mirrors {

    /** A forge whose webhooks and commit status API Sluice speaks. */
    enum Forge {
        GITLAB, GITHUB, GITEA;

        String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        static Optional<Forge> of(String id) {
            return java.util.Arrays.stream(values()).filter(f -> f.id().equals(id)).findFirst();
        }
    }

    /**
     * Where commit statuses go: {@code apiUrl} is the repository's API address, to which {@code /statuses/<sha>}
     * is appended (GitHub {@code https://api.github.com/repos/OWNER/REPO}, GitLab
     * {@code https://gitlab.example/api/v4/projects/ID}, Gitea {@code https://gitea.example/api/v1/repos/OWNER/REPO}).
     */
    record StatusTarget(Forge forge, String apiUrl, String token) {
    }

    record Mirror(long projectId, String importUrl, String webhookSecret, Optional<StatusTarget> status) {
    }

    void create(Mirror mirror);

    Optional<Mirror> find(long projectId);
}
