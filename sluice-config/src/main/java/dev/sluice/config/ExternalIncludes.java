package dev.sluice.config;

import java.util.Optional;

/**
 * Fetches includes that live outside the repository: {@code project}, {@code remote},
 * {@code template} and {@code component}. Where none is configured the compiler reports each such
 * include as unavailable instead of guessing.
 */
public interface ExternalIncludes {

    /** What to fetch: kind is project, remote, template or component. */
    record Request(String kind, String location, Optional<String> project, Optional<String> ref) {
    }

    /** The file text, or a reason it could not be had. */
    sealed interface Result permits Found, Missing {
    }

    record Found(String displayName, String text) implements Result {
    }

    record Missing(String reason) implements Result {
    }

    Result fetch(Request request);

    ExternalIncludes NONE = request -> new Missing("no resolver for include:" + request.kind()
            + " is configured (Sluice resolves only include:local here)");
}
