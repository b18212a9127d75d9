package dev.sluice.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code sluice admin token create|revoke}: personal access tokens, shown once when made. */
@Command(name = "token", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Create and revoke personal access tokens.", synopsisSubcommandLabel = "COMMAND")
final class AdminTokenCommand implements Runnable {

    @ParentCommand
    AdminCommand admin;

    private final Terminal terminal;

    AdminTokenCommand(Terminal terminal) {
        this.terminal = terminal;
    }

    @Command(name = "create", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Create a token for a user (administrators only) and print it: it is shown only this once.")
    int create(@Parameters(paramLabel = "USERNAME", description = "Whose token.") String username,
               @Option(names = "--name", paramLabel = "NAME", required = true, description = "What the token is for.") String name,
               @Option(names = "--scope", paramLabel = "SCOPE", defaultValue = "api",
                       description = "api, read_api or read_user; repeat for several (default: ${DEFAULT-VALUE}).") List<String> scopes,
               @Option(names = "--expires", paramLabel = "DATE",
                       description = "The date (YYYY-MM-DD) at whose start the token stops working (default: never).") LocalDate expires)
            throws InterruptedException {
        var client = admin.client();
        JsonNode found = client.get("/users?username=" + URLEncoder.encode(username, StandardCharsets.UTF_8));
        if (found.isEmpty()) {
            throw new UserError(ExitCodes.FAILURE, "no user named '" + username + "' (see sluice admin user list)");
        }
        var body = new LinkedHashMap<String, Object>();
        body.put("name", name);
        body.put("scopes", scopes);
        body.put("expires_at", expires == null ? null : expires.toString());
        JsonNode token = client.post("/users/" + found.get(0).get("id").asLong() + "/personal_access_tokens", body);
        terminal.out().println("Created token '" + name + "' (id " + token.get("id").asLong() + ") for " + username
                + ", scopes " + String.join(",", scopes) + (expires == null ? "" : ", expires " + expires)
                + ". It is shown only now:");
        terminal.out().println(token.get("token").asText());
        return ExitCodes.OK;
    }

    @Command(name = "revoke", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
            description = "Revoke a token: it stops working at once.")
    int revoke(@Parameters(paramLabel = "ID", description = "The token's id (shown when it was created).") long id)
            throws InterruptedException {
        admin.client().delete("/personal_access_tokens/" + id);
        terminal.out().println("Revoked token " + id);
        return ExitCodes.OK;
    }

    @Override
    public void run() {
        throw UserError.usage("missing command: create or revoke (see sluice admin token --help)");
    }
}
