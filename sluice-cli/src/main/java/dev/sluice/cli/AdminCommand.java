package dev.sluice.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** {@code sluice admin}: users and personal access tokens, over the server's REST API with an admin's token. */
@Command(name = "admin", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Manage users and personal access tokens of a Sluice server (needs an administrator's token).",
        synopsisSubcommandLabel = "COMMAND")
final class AdminCommand implements Runnable {

    @Option(names = "--url", paramLabel = "URL", scope = ScopeType.INHERIT,
            description = "The server (default: $SLUICE_URL, else http://127.0.0.1:8080).")
    String url;

    @Option(names = "--token", paramLabel = "TOKEN", scope = ScopeType.INHERIT,
            description = "A personal access token (default: $SLUICE_TOKEN); sluice server shows root's on its first start.")
    String token;

    RestClient client() {
        String chosenToken = firstSet(token, System.getenv("SLUICE_TOKEN"));
        if (chosenToken == null) {
            throw UserError.usage("missing --token (or SLUICE_TOKEN): a personal access token, e.g. root's from the server's first start");
        }
        return new RestClient(firstSet(firstSet(url, System.getenv("SLUICE_URL")), "http://127.0.0.1:8080"), chosenToken);
    }

    private static String firstSet(String value, String otherwise) {
        return value != null && !value.isBlank() ? value : otherwise;
    }

    @Override
    public void run() {
        throw UserError.usage("missing command: user or token (see sluice admin --help)");
    }
}
