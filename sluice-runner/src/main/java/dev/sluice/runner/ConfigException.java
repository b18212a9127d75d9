package dev.sluice.runner;

/** A config file a person must fix; the message names the file and the entry. */
public final class ConfigException extends Exception {

    public ConfigException(String message) {
        super(message);
    }
}
