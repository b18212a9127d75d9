package dev.sluice.server.web;

/** A person's mistake in a settings form (an invalid key, a past date): shown to them as a 400 page saying why. */
public final class Refused extends RuntimeException {

    public Refused(String why) {
        super(why);
    }
}
