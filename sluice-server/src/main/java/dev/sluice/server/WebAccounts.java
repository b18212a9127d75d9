package dev.sluice.server;

import dev.sluice.server.web.Accounts;
import java.util.Optional;

/** The web UI's sign-in and permission questions, answered by the users store, {@link Passwords} and {@link Permissions}. */
final class WebAccounts implements Accounts {

    /** Checked against when the user has no password, so both answers take as long. */
    private static final String DUMMY = Passwords.hash("not anyone's password");

    private final Users users;
    private final Permissions permissions;

    WebAccounts(Users users, Permissions permissions) {
        this.users = users;
        this.permissions = permissions;
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

    /** Permissions take the store's user; the person came from it at the start of this request. */
    private Optional<Users.User> user(Person person) {
        return users.find(person.id());
    }

    private static Person person(Users.User u) {
        return new Person(u.id(), u.username(), u.name(), u.admin());
    }
}
