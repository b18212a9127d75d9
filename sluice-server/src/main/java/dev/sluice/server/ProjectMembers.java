package dev.sluice.server;

import java.util.List;
import java.util.Optional;

/** Who belongs to a project and with which GitLab access level (see {@link Permissions} for what each may do). */
interface ProjectMembers {

    int GUEST = 10;
    int REPORTER = 20;
    int DEVELOPER = 30;
    int MAINTAINER = 40;
    int OWNER = 50;

    /** GitLab's access levels, lowest first. */
    List<Integer> LEVELS = List.of(GUEST, REPORTER, DEVELOPER, MAINTAINER, OWNER);

    record Member(long userId, int accessLevel) {
    }

    void add(long projectId, long userId, int accessLevel);

    /** False when the user is not a member. */
    boolean update(long projectId, long userId, int accessLevel);

    /** False when the user is not a member. */
    boolean remove(long projectId, long userId);

    /** Ordered by user id. */
    List<Member> of(long projectId);

    /** The user's access level in the project; empty when not a member. */
    Optional<Integer> accessLevel(long projectId, long userId);

    /** The ids of the projects the user is a member of, ordered. */
    List<Long> projectsOf(long userId);
}
