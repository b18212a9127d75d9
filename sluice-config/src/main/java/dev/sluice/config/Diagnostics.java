package dev.sluice.config;

import dev.sluice.model.Diagnostic;
import dev.sluice.model.SourcePos;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Predicate;

/**
 * Collects every problem of one compilation; nothing stops at the first. While a context is open
 * (an included file, a job that inherits keys), diagnostics that fall outside it get a note saying
 * how they were reached.
 */
public final class Diagnostics {

    private record Context(Diagnostic.Related note, Predicate<SourcePos> inside) {
    }

    private final List<Diagnostic> all = new ArrayList<>();
    /** Each diagnostic without its job path, so a value inherited by many jobs is reported once. */
    private final java.util.Set<String> seen = new java.util.HashSet<>();
    private final Deque<Context> contexts = new ArrayDeque<>();

    public void error(SourcePos pos, String path, String code, String message) {
        add(Diagnostic.error(pos, path, code, message));
    }

    public void warning(SourcePos pos, String path, String code, String message) {
        add(Diagnostic.warning(pos, path, code, message));
    }

    public void add(Diagnostic diagnostic) {
        String message = diagnostic.path().isEmpty() ? diagnostic.message() : diagnostic.message().replace(diagnostic.path(), "");
        if (diagnostic.pos().isKnown()
                && !seen.add(diagnostic.severity() + "@" + diagnostic.pos() + "#" + diagnostic.code() + ":" + message)) {
            return;
        }
        Diagnostic d = diagnostic;
        for (Context c : contexts) {
            if (!c.inside().test(d.pos())) {
                d = d.withRelated(c.note());
            }
        }
        all.add(d);
    }

    /**
     * Runs {@code body} with a note attached to every diagnostic whose position is not {@code inside}
     * the context (e.g. a value a job inherited through {@code extends} from elsewhere).
     */
    public void within(Diagnostic.Related note, Predicate<SourcePos> inside, Runnable body) {
        contexts.push(new Context(note, inside));
        try {
            body.run();
        } finally {
            contexts.pop();
        }
    }

    public boolean hasErrors() {
        return all.stream().anyMatch(Diagnostic::isError);
    }

    public int size() {
        return all.size();
    }

    public List<Diagnostic> all() {
        return List.copyOf(all);
    }
}
