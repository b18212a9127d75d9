package dev.sluice.server;

/** Who belongs to a project and with which GitLab access level; roles are not enforced yet (any user may use any project). */
interface ProjectMembers {

    int OWNER = 50;

    void add(long projectId, long userId, int accessLevel);
}
