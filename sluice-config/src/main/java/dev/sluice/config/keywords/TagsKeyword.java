package dev.sluice.config.keywords;

import dev.sluice.config.yaml.YNode;
import dev.sluice.config.yaml.YSeq;
import java.util.ArrayList;
import java.util.List;

/** {@code tags}: an array of runner tags (nested arrays from anchors are flattened), fewer than 50. */
public final class TagsKeyword {

    static final int LIMIT = 50;

    private TagsKeyword() {
    }

    public static List<String> read(YNode node, At at) {
        if (!(node instanceof YSeq seq)) {
            at.wrongType(node, "an array of strings");
            return List.of();
        }
        List<String> tags = new ArrayList<>();
        if (!ScriptKeyword.flatten(seq, 1, at, tags, "an array of strings")) {
            return List.of();
        }
        if (tags.size() >= LIMIT) {
            at.error(node, "too-many", at.path() + " config must be less than the limit of " + LIMIT + " tags");
            return List.of();
        }
        return tags;
    }
}
