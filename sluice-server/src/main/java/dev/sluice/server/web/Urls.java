package dev.sluice.server.web;

/** The web UI's addresses, in one place. */
final class Urls {

    private Urls() {
    }

    static String project(long id) {
        return "/-/projects/" + id;
    }

    static String settings(long projectId) {
        return project(projectId) + "/settings/ci_cd";
    }

    static String pipelines(long projectId) {
        return project(projectId) + "/pipelines";
    }

    static String mergeRequests(long projectId) {
        return project(projectId) + "/merge_requests";
    }

    static String mergeRequest(long projectId, long iid) {
        return mergeRequests(projectId) + "/" + iid;
    }

    static String pipeline(long id) {
        return "/-/pipelines/" + id;
    }

    static String job(long id) {
        return "/-/jobs/" + id;
    }

    static String badge(String projectPath, String ref) {
        return "/" + projectPath + "/badges/" + ref + "/pipeline.svg";
    }
}
