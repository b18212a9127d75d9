package dev.sluice.cli;

/** A mistake the user can fix (a missing file, a bad argument): reported as one line, never a stack trace. */
final class UserError extends RuntimeException {

    private final int exitCode;

    UserError(int exitCode, String message) {
        super(message, null, false, false);
        this.exitCode = exitCode;
    }

    static UserError usage(String message) {
        return new UserError(ExitCodes.USAGE, message);
    }

    int exitCode() {
        return exitCode;
    }
}
