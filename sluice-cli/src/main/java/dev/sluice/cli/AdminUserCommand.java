package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.LinkedHashMap;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sluice admin user create|list}. */
@Command(name = "user", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Create and list users.", synopsisSubcommandLabel = "COMMAND")
final class AdminUserCommand implements Runnable {

    @ParentCommand
    AdminCommand admin;

    private final Terminal terminal;

    AdminUserCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Create a user (administrators only).")
    int create(@Parameters(paramLabel = "USERNAME", description = "Letters, digits, '_', '.' and '-'.") String username,
               @Option(names = "--admin", description = "Make the user an administrator.") boolean isAdmin,
               @Option(names = "--email", paramLabel = "EMAIL", description = "The user's e-mail address.") String email,
               @Option(names = "--name", paramLabel = "NAME", description = "The full name (default: USERNAME).") String name)
            throws InterruptedException {
        var body = new LinkedHashMap<String, Object>();
        body.put("username", username);
        body.put("name", name == null ? username : name);
        body.put("email", email);
        body.put("admin", isAdmin);
        JsonNode user = admin.client().post("/users", body);
        terminal.out().println("Created user " + user.get("username").asText() + " (id " + user.get("id").asLong() + ")"
                + (isAdmin ? ", an administrator" : ""));
        return ExitCodes.OK;
    }

    @Command(name = "list", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "List the users.")
    int list() throws InterruptedException {
        var client = admin.client();
        terminal.out().printf("%-6s %-20s %-30s %s%n", "ID", "USERNAME", "NAME", "ADMIN");
        for (int page = 1; ; page++) {
            JsonNode users = client.get("/users?per_page=100&page=" + page);
            for (JsonNode u : users) {
                terminal.out().printf("%-6d %-20s %-30s %s%n", u.get("id").asLong(), u.get("username").asText(),
                        u.get("name").asText(), u.get("is_admin").asBoolean() ? "yes" : "no");
            }
            if (users.size() < 100) {
                return ExitCodes.OK;
            }
        }
    }

    @Override
    public void run() {
        throw UserError.usage("missing command: create or list (see sluice admin user --help)");
    }
}
