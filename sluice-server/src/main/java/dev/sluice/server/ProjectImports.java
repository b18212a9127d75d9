package dev.sluice.server;

import java.nio.file.Path;

/**
 * Making a project from a git repository elsewhere (a URL or a local path), as GitLab's import: a bare clone in
 * the data directory, the default branch protected, and its creator the owner. The REST API and
 * {@code sluice server --demo} both come through here.
 */
final class ProjectImports {

    private final Projects projects;
    private final ProjectMembers members;
    private final ProtectedRefs protectedRefs;
    private final Path reposDir;

    ProjectImports(Projects projects, ProjectMembers members, ProtectedRefs protectedRefs, Path reposDir) {
        this.projects = projects;
        this.members = members;
        this.protectedRefs = protectedRefs;
        this.reposDir = reposDir;
    }

    /** @throws RunnerApi.Refused 400 for an invalid or taken path; GitRepos.GitException when the clone fails */
    Projects.Project importProject(String name, String path, String importUrl, long ownerId) throws GitRepos.GitException {
        if (!path.matches("[A-Za-z0-9._-]+(/[A-Za-z0-9._-]+)*") || path.contains("..")) {
            throw new RunnerApi.Refused(400, "400 Bad Request - path is invalid");
        }
        if (projects.byPath(path).isPresent()) {
            throw new RunnerApi.Refused(400, "400 Bad Request - path has already been taken");
        }
        Path repo = reposDir.resolve(path + ".git");
        GitRepos.cloneBare(importUrl, repo);
        var project = projects.create(name, path, repo.toAbsolutePath().toString(), GitRepos.defaultBranch(repo));
        protectedRefs.protect(project.id(), ProtectedRefs.Kind.BRANCH, project.defaultBranch()); // as GitLab does
        members.add(project.id(), ownerId, ProjectMembers.OWNER);
        return project;
    }
}
