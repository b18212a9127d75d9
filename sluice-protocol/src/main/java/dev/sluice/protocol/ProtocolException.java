package dev.sluice.protocol;

/** A body or header that does not follow the runner API: malformed JSON, a bad range. */
public final class ProtocolException extends Exception {

    public ProtocolException(String message) {
        super(message);
    }

    public ProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
