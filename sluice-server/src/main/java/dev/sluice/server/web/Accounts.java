package dev.sluice.server.web;

import java.util.Optional;

/**
 * Who may sign in, and what a signed-in person may do: the coordinator answers from its users and its
 * Permissions, so the web UI makes no role decision of its own.
 */
public interface Accounts {

    record Person(long id, String username, String name, boolean admin) {
    }

    /** The person when the password is theirs; empty for an unknown user, a wrong password or no password set. */
    Optional<Person> signIn(String username, String password);

    Optional<Person> find(long userId);

    boolean canView(Person person, long projectId);

    boolean canReadCode(Person person, long projectId);

    /** Play, retry and cancel the jobs of a pipeline of {@code branch}. */
    boolean canRun(Person person, long projectId, String branch);

    boolean canManage(Person person, long projectId);
}
