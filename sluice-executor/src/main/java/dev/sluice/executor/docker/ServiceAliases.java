package dev.sluice.executor.docker;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;

/**
 * The host names a service answers to. GitLab: "Everything after the colon (:) is stripped. Slash (/) is
 * replaced with double underscores (__) and the primary alias is created. Slash (/) is replaced with a single
 * dash (-) and the secondary alias is created." Aliases given in the job come on top of these.
 */
final class ServiceAliases {

    private ServiceAliases() {
    }

    static List<String> of(String image, List<String> explicit) {
        var out = new LinkedHashSet<String>();
        String repository = ImageRef.parse(image).repository();
        out.add(repository.replace("/", "__"));
        out.add(repository.replace("/", "-"));
        for (String alias : explicit) {
            // GitLab accepts several aliases in one string, separated by spaces or commas
            for (String a : alias.split("[\\s,]+")) {
                if (!a.isEmpty()) {
                    out.add(a);
                }
            }
        }
        return new ArrayList<>(out);
    }
}
