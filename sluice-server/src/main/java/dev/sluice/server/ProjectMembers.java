package dev.sluice.server;

import java.util.Optional;

/** Who belongs to a project and with which GitLab access level (see {@link Permissions} for what each may do). */
interface ProjectMembers {

    int GUEST = 10;
    int REPORTER = 20;
    int DEVELOPER = 30;
    int MAINTAINER = 40;
    int OWNER = 50;

    void add(long projectId, long userId, int accessLevel);

    /** The user's access level in the project; empty when not a member. */
    Optional<Integer> accessLevel(long projectId, long userId);
}
