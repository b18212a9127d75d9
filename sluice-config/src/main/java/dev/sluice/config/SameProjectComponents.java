package dev.sluice.config;

import java.util.Map;
import java.util.Optional;

/**
 * {@code include:component} of the pipeline's own project at its own commit
 * ({@code $CI_SERVER_HOST/$CI_PROJECT_PATH/NAME@$CI_COMMIT_SHA}, how component authors test them):
 * read from the repository's {@code templates/NAME.yml} or {@code templates/NAME/template.yml}, as
 * GitLab lays components out. Anything else goes to the configured resolver.
 */
final class SameProjectComponents implements ExternalIncludes {

    private final RepositoryFiles files;
    private final Map<String, String> variables;
    private final ExternalIncludes others;

    SameProjectComponents(RepositoryFiles files, Map<String, String> variables, ExternalIncludes others) {
        this.files = files;
        this.variables = variables;
        this.others = others;
    }

    @Override
    public Result fetch(Request request) {
        Optional<String> name = ownComponent(request);
        if (name.isEmpty()) {
            return others.fetch(request);
        }
        for (String path : new String[] {"templates/" + name.get() + ".yml", "templates/" + name.get() + "/template.yml"}) {
            Optional<String> text = files.read(path);
            if (text.isPresent()) {
                return new Found(path, text.get());
            }
        }
        return new Missing("component '" + name.get() + "' of this project has neither templates/" + name.get()
                + ".yml nor templates/" + name.get() + "/template.yml");
    }

    /** The component's name when the location is this project at this commit (host with or without port). */
    private Optional<String> ownComponent(Request request) {
        String project = variables.get("CI_PROJECT_PATH");
        String sha = variables.get("CI_COMMIT_SHA");
        if (!request.kind().equals("component") || project == null || sha == null) {
            return Optional.empty();
        }
        String location = request.location();
        int at = location.lastIndexOf('@');
        if (at < 0 || !location.substring(at + 1).equals(sha)) {
            return Optional.empty();
        }
        for (String host : new String[] {variables.get("CI_SERVER_HOST"), variables.get("CI_SERVER_FQDN")}) {
            String prefix = host + "/" + project + "/";
            if (host != null && location.startsWith(prefix) && at > prefix.length()) {
                return Optional.of(location.substring(prefix.length(), at));
            }
        }
        return Optional.empty();
    }
}
