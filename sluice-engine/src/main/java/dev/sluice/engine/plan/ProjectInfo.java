package dev.sluice.engine.plan;

/**
 * The project a pipeline belongs to, as the predefined {@code CI_PROJECT_*} and {@code CI_SERVER_*}
 * variables describe it. {@code namespace} may have several levels ({@code group/subgroup}).
 */
public record ProjectInfo(long id, String namespace, String name, String defaultBranch, String serverUrl) {

    public String path() {
        return namespace.isEmpty() ? name : namespace + "/" + name;
    }

    public String url() {
        return serverUrl + "/" + path();
    }
}
