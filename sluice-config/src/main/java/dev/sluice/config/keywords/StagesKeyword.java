package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code stages}: an array of strings and nested arrays (flattened, 16.9+). The result always starts
 * with {@code .pre} and ends with {@code .post}, wherever the user wrote them (GitLab's EdgeStagesInjector).
 */
public final class StagesKeyword {

    public static final String PRE = ".pre";
    public static final String POST = ".post";
    public static final List<String> DEFAULT = List.of(PRE, "build", "test", "deploy", POST);

    private StagesKeyword() {
    }

    /** The stages; {@link #DEFAULT} when {@code node} is null (absent) or invalid. */
    public static List<String> read(YNode node, At at) {
        if (node == null) {
            return DEFAULT;
        }
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, "an array of strings or a nested array of strings up to "
                    + ScriptKeyword.MAX_NESTING + " levels deep");
            return DEFAULT;
        }
        List<String> written = new ArrayList<>();
        if (!ScriptKeyword.flatten(seq, 1, at, written, "an array of strings or a nested array of strings")) {
            return DEFAULT;
        }
        // A stage listed twice is one stage, at its first place: GitLab orders jobs by the first index.
        Set<String> stages = new LinkedHashSet<>();
        stages.add(PRE);
        written.stream().filter(s -> !s.equals(PRE) && !s.equals(POST)).forEach(stages::add);
        stages.add(POST);
        return List.copyOf(stages);
    }
}
