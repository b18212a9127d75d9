package dev.sluice.server;

import java.util.List;
import java.util.Optional;

/** Registered runners, found by the hash of their authentication token, and their managers (hosts). */
interface Runners {

    record Runner(long id, String description, List<String> tags, boolean runUntagged, boolean locked,
                  String accessLevel, boolean paused) {

        /** GitLab: a tagged job needs a runner with all its tags; an untagged one needs run_untagged. */
        boolean canRun(List<String> jobTags) {
            return jobTags.isEmpty() ? runUntagged : tags.containsAll(jobTags);
        }
    }

    Runner create(String tokenHash, Runner settings);

    Optional<Runner> byTokenHash(String tokenHash);

    Optional<Runner> find(long id);

    /** Ordered by id. */
    List<Runner> list(long offset, int limit);

    long count();

    /** Replaces the settings of runner {@code settings.id()}; false when there is none. */
    boolean update(Runner settings);

    boolean delete(long id);

    void touchManager(long runnerId, String systemId);

    boolean deleteManager(long runnerId, String systemId);
}
