package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sluice admin user create|list|password}. */
@Command(name = "user", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Create and list users, set their web sign-in passwords.", synopsisSubcommandLabel = "COMMAND")
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
               @Option(names = "--name", paramLabel = "NAME", description = "The full name (default: USERNAME).") String name,
               @Option(names = "--password-file", paramLabel = "FILE",
                       description = "A file holding the password for web sign-in (default: none, API tokens only).") Path passwordFile)
            throws InterruptedException {
        var body = new LinkedHashMap<String, Object>();
        body.put("username", username);
        body.put("name", name == null ? username : name);
        body.put("email", email);
        body.put("admin", isAdmin);
        if (passwordFile != null) {
            body.put("password", password(passwordFile));
        }
        JsonNode user = admin.client().post("/users", body);
        terminal.out().println("Created user " + user.get("username").asText() + " (id " + user.get("id").asLong() + ")"
                + (isAdmin ? ", an administrator" : ""));
        return ExitCodes.OK;
    }

    @Command(name = "password", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Set a user's password for web sign-in (administrators only).")
    int password(@Parameters(paramLabel = "USERNAME", description = "Whose password.") String username,
                 @Option(names = "--password-file", paramLabel = "FILE", required = true,
                         description = "A file holding the new password (at least 8 characters; a final newline is dropped).")
                 Path passwordFile) throws InterruptedException {
        String password = password(passwordFile);
        var client = admin.client();
        JsonNode found = client.get("/users?username=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        if (found.isEmpty()) {
            throw new UserError(ExitCodes.FAILURE, "no user named '" + username + "' (see sluice admin user list)");
        }
        client.put("/users/" + found.get(0).get("id").asLong(), Map.of("password", password));
        terminal.out().println("Set the password of " + username);
        return ExitCodes.OK;
    }

    /** The file's text without its final line break, so {@code echo secret > file} works. */
    private static String password(Path file) {
        try {
            return Files.readString(file).replaceFirst("\\R$", "");
        } catch (IOException e) {
            throw new UserError(ExitCodes.FAILURE, "--password-file: cannot read " + file + ": " + e.getMessage());
        }
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
        throw UserError.usage("missing command: create, list or password (see sluice admin user --help)");
    }
}
