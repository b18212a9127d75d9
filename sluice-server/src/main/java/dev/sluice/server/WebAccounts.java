package dev.sluice.server;

import dev.sluice.server.web.Accounts;
import dev.sluice.server.web.Refused;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Optional;

/** The web UI's sign-in and permission questions, answered by the users store, {@link Passwords} and {@link Permissions}. */
final class WebAccounts implements Accounts {

    /** Checked against when the user has no password, so both answers take as long. */
    private static final String DUMMY = Passwords.hash("not anyone's password");

    private final Users users;
    private final Permissions permissions;
    private final AccessTokens tokens;
    private final Clock clock;

    WebAccounts(Users users, Permissions permissions, AccessTokens tokens, Clock clock) {
        this.users = users;
        this.permissions = permissions;
        this.tokens = tokens;
        this.clock = clock;
    }

    @Override
    public Optional<Person> signIn(String username, String password) {
        var user = users.byUsername(username);
        var hash = user.flatMap(u -> users.passwordHash(u.id()));
        if (hash.isEmpty()) {
            Passwords.matches(password, DUMMY); // as slow as a real check: timing does not tell which usernames exist
            return Optional.empty();
        }
        return Passwords.matches(password, hash.get()) ? user.map(WebAccounts::person) : Optional.empty();
    }

    @Override
    public Optional<Person> find(long userId) {
        return users.find(userId).map(WebAccounts::person);
    }

    @Override
    public boolean canView(Person person, long projectId) {
        return user(person).map(u -> permissions.canView(u, projectId)).orElse(false);
    }

    @Override
    public boolean canReadCode(Person person, long projectId) {
        return user(person).map(u -> permissions.canReadCode(u, projectId)).orElse(false);
    }

    @Override
    public boolean canRun(Person person, long projectId, String branch) {
        return user(person).map(u -> permissions.canRun(u, projectId, false, branch)).orElse(false);
    }

    @Override
    public boolean canManage(Person person, long projectId) {
        return user(person).map(u -> permissions.canManage(u, projectId)).orElse(false);
    }

    @Override
    public List<Token> tokens(Person person) {
        var today = LocalDate.now(clock);
        return tokens.list(Optional.of(person.id())).stream().map(t -> new Token(t.id(), t.name(), t.scopes(),
                t.createdAt().toString(), text(t.expiresAt()), text(t.lastUsedAt()), t.active(today))).toList();
    }

    @Override
    public String createToken(Person person, String name, List<String> scopes, String expires) {
        if (name == null || name.isBlank()) {
            throw new Refused("Give the token a name.");
        }
        LocalDate date;
        try {
            date = expires == null || expires.isBlank() ? null : LocalDate.parse(expires.trim());
        } catch (DateTimeParseException e) {
            throw new Refused("The expiry date must look like 2030-12-31.");
        }
        try {
            return UserApi.issue(tokens, clock, person.id(), name.trim(), scopes, date).secret();
        } catch (RunnerApi.Refused e) {
            throw new Refused(e.getMessage().replaceFirst("^400 Bad Request - ", ""));
        }
    }

    @Override
    public boolean revokeToken(Person person, long tokenId) {
        return tokens.find(tokenId).filter(t -> t.userId() == person.id()).map(t -> tokens.revoke(t.id())).orElse(false);
    }

    private static String text(Object value) {
        return value == null ? null : value.toString();
    }

    /** Permissions take the store's user; the person came from it at the start of this request. */
    private Optional<Users.User> user(Person person) {
        return users.find(person.id());
    }

    private static Person person(Users.User u) {
        return new Person(u.id(), u.username(), u.name(), u.admin());
    }
}
