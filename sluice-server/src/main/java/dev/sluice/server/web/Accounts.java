package dev.sluice.server.web;

import java.util.List;
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

    /** A personal access token as its owner's tokens page lists it (never its secret). */
    record Token(long id, String name, List<String> scopes, String createdAt, String expiresAt, String lastUsedAt,
                 boolean active) {
    }

    /** The person's own tokens, revoked and expired ones included. */
    List<Token> tokens(Person person);

    /**
     * Makes a token for the person; its secret, shown only this once.
     *
     * @param expires a date {@code YYYY-MM-DD}, or blank for none
     * @throws Refused for a blank name, unknown scopes or a bad date
     */
    String createToken(Person person, String name, List<String> scopes, String expires);

    /** Revokes one of the person's own tokens; false when they have none of that id. */
    boolean revokeToken(Person person, long tokenId);
}
