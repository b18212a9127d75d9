package dev.sluice.server;

import java.util.List;
import java.util.Optional;

/** Projects: a name, a path and the git repository on the server's disk. */
interface Projects {

    record Project(long id, String name, String path, String repoDir, String defaultBranch) {
    }

    Project create(String name, String path, String repoDir, String defaultBranch);

    Optional<Project> find(long id);

    Optional<Project> byPath(String path);

    /** Ordered by id. */
    List<Project> list(long offset, int limit);

    long count();
}
