package dev.sluice.cli;

/** The exit codes of every sluice command; scripts depend on them, so they never change meaning. */
final class ExitCodes {

    /** The command did what was asked; for lint: the configuration is valid (warnings allowed). */
    static final int OK = 0;

    /** The input is invalid (lint, config) or the command failed. */
    static final int FAILURE = 1;

    /** The command line is wrong: unknown option, missing argument, file not found. */
    static final int USAGE = 2;

    private ExitCodes() {
    }
}
