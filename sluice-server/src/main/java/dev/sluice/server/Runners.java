package dev.sluice.server;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Registered runners, found by the hash of their authentication token, and their managers (hosts). */
interface Runners {

    /**
     * @param accessLevel {@code not_protected}, or {@code ref_protected}: only jobs of protected refs
     * @param projects    the projects it is assigned to; none for an instance runner, which serves every project
     */
    record Runner(long id, String description, List<String> tags, boolean runUntagged, boolean locked,
                  String accessLevel, boolean paused, Set<Long> projects) {

        public Runner {
            projects = Set.copyOf(projects);
        }

        /**
         * The one place a job is matched to a runner. GitLab: a project runner takes only its projects' jobs;
         * a {@code ref_protected} runner only jobs of protected refs; a tagged job needs a runner with all its
         * tags, an untagged one a runner with run_untagged.
         */
        boolean canRun(JobQueue.Pending job) {
            if (!projects.isEmpty() && !projects.contains(job.projectId())) {
                return false;
            }
            if (accessLevel.equals("ref_protected") && !job.protectedRef()) {
                return false;
            }
            return job.tags().isEmpty() ? runUntagged : tags.containsAll(job.tags());
        }

        boolean isInstanceRunner() {
            return projects.isEmpty();
        }
    }

    Runner create(String tokenHash, Runner settings);

    Optional<Runner> byTokenHash(String tokenHash);

    Optional<Runner> find(long id);

    /** Runners that may take jobs of the project: its own and the instance runners. */
    List<Runner> availableTo(long projectId);

    /** False when it already was assigned to the project. */
    boolean assign(long runnerId, long projectId);

    boolean unassign(long runnerId, long projectId);

    /** Ordered by id. */
    List<Runner> list(long offset, int limit);

    long count();

    /** Replaces the settings of runner {@code settings.id()}; false when there is none. */
    boolean update(Runner settings);

    boolean delete(long id);

    void touchManager(long runnerId, String systemId);

    boolean deleteManager(long runnerId, String systemId);
}
