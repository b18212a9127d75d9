package dev.sluice.cli;

import dev.sluice.config.DidYouMean;
import java.io.PrintWriter;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns every failure into one readable line on stderr and an exit code: usage mistakes exit 2,
 * {@link UserError}s carry their own code, anything else is an internal error whose stack trace
 * only {@code --debug} shows.
 */
final class Failures implements IParameterExceptionHandler, IExecutionExceptionHandler {

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine command = ex.getCommandLine();
        PrintWriter err = command.getErr();
        err.println("sluice: error: " + ex.getMessage());
        if (!UnmatchedArgumentException.printSuggestions(ex, err)) {
            suggestCommand(ex, command).ifPresent(err::println);
        }
        err.println("Try '" + command.getCommandSpec().qualifiedName() + " --help' for more information.");
        return ExitCodes.USAGE;
    }

    /** picocli suggests options but not commands; a typo in a command name deserves the same help. */
    private static Optional<String> suggestCommand(ParameterException ex, CommandLine command) {
        if (!(ex instanceof UnmatchedArgumentException unmatched) || unmatched.getUnmatched().isEmpty()
                || command.getSubcommands().isEmpty()) {
            return Optional.empty();
        }
        String typed = unmatched.getUnmatched().get(0);
        var visible = command.getSubcommands().entrySet().stream()
                .filter(e -> !e.getValue().getCommandSpec().usageMessage().hidden())
                .map(Map.Entry::getKey)
                .toList();
        return DidYouMean.closest(typed, visible)
                .map(name -> "Did you mean '" + command.getCommandSpec().qualifiedName() + " " + name + "'?");
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine command, ParseResult parsed) {
        PrintWriter err = command.getErr();
        if (ex instanceof UserError user) {
            err.println("sluice: error: " + user.getMessage());
            return user.exitCode();
        }
        internal(ex, err, debugRequested(parsed));
        return ExitCodes.FAILURE;
    }

    static void internal(Throwable t, PrintWriter err, boolean debug) {
        String message = t.getMessage() == null ? "" : ": " + t.getMessage().replaceAll("\\s+", " ");
        err.println("sluice: internal error: " + t.getClass().getName() + message
                + (debug ? "" : " (run with --debug for the stack trace)"));
        if (debug) {
            t.printStackTrace(err);
        }
    }

    /** --debug is inherited by every subcommand, so look for it at each level of the parse. */
    private static boolean debugRequested(ParseResult parsed) {
        for (ParseResult level = parsed; level != null; level = level.subcommand()) {
            if (level.hasMatchedOption("--debug")) {
                return true;
            }
        }
        return false;
    }
}
