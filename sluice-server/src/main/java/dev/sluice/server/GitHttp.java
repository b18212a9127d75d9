package dev.sluice.server;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.FilterConfig;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.regex.Pattern;
import org.eclipse.jgit.errors.RepositoryNotFoundException;
import org.eclipse.jgit.http.server.GitFilter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.ReceivePack;
import org.eclipse.jgit.transport.UploadPack;

/**
 * Git's smart HTTP protocol over the projects' bare repositories ({@code /NAMESPACE/PROJECT.git/...}), with JGit's
 * server as a servlet filter in front of the REST API: any other path passes through. Git sends a user name and a
 * personal access token as HTTP basic credentials (the name is not checked: the token says who it is, as GitLab
 * allows); without them the answer is a 401 with {@code WWW-Authenticate}, so git asks its credential helper.
 * Reading needs {@link Permissions#canReadCode} (others get a 404, as if the project did not exist), pushing a
 * developer; each pushed ref is then checked by {@link GitReceiveHooks}. A mirror takes no pushes. Refusals are
 * plain text, which git shows.
 */
final class GitHttp implements Filter {

    /** Only git's own requests; the dumb protocol (loose objects, info/packs) is off. */
    private static final Pattern GIT_PATH = Pattern.compile("/(.+)\\.git/(info/refs|git-upload-pack|git-receive-pack)");
    private static final String USER = "sluice.git.user";
    private static final String PROJECT = "sluice.git.project";

    private final Authentication authentication;
    private final Projects projects;
    private final Permissions permissions;
    private final PushPipelines pushPipelines;
    private final Mirrors mirrors;
    private final GitFilter git = new GitFilter();

    GitHttp(Authentication authentication, Projects projects, Permissions permissions, PushPipelines pushPipelines, Mirrors mirrors) {
        this.authentication = authentication;
        this.projects = projects;
        this.permissions = permissions;
        this.pushPipelines = pushPipelines;
        this.mirrors = mirrors;
        git.setRepositoryResolver(this::open);
        git.setUploadPackFactory((req, repo) -> new UploadPack(repo));
        git.setReceivePackFactory(this::receivePack);
        git.setAsIsFileService(null);
    }

    @Override
    public void init(FilterConfig config) throws ServletException {
        git.init(config);
    }

    @Override
    public void destroy() {
        git.destroy();
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        var req = (HttpServletRequest) request;
        var res = (HttpServletResponse) response;
        var path = GIT_PATH.matcher(req.getRequestURI());
        if (!path.matches()) {
            chain.doFilter(request, response);
            return;
        }
        var signedIn = credentials(req).flatMap(authentication::signIn);
        if (signedIn.isEmpty()) {
            res.setHeader("WWW-Authenticate", "Basic realm=\"Sluice\"");
            refuse(res, 401, "HTTP Basic: a user name and a personal access token (as the password) are needed");
            return;
        }
        var user = signedIn.get().user();
        boolean push = req.getRequestURI().endsWith("/git-receive-pack") || "git-receive-pack".equals(req.getParameter("service"));
        if (!signedIn.get().token().allowsGit(push)) {
            refuse(res, 403, "The token's scopes do not allow " + (push ? "pushing (write_repository)" : "fetching (read_repository)") + ".");
            return;
        }
        var project = projects.byPath(path.group(1)).filter(p -> permissions.canReadCode(user, p.id()));
        if (project.isEmpty()) {
            refuse(res, 404, "The project " + path.group(1) + " does not exist, or you may not see it.");
            return;
        }
        if (push && permissions.level(user, project.get().id()) < ProjectMembers.DEVELOPER) {
            refuse(res, 403, "You may not push to " + project.get().path() + ": pushing needs the developer role or higher.");
            return;
        }
        if (push && mirrors.find(project.get().id()).isPresent()) {
            // the mirror's next fetch would move or prune what was pushed here; its URL may hold credentials: not shown
            refuse(res, 403, project.get().path() + " is a mirror: push to the repository it mirrors instead.");
            return;
        }
        req.setAttribute(USER, user);
        req.setAttribute(PROJECT, project.get());
        git.doFilter(req, res, chain);
    }

    /** Git shows a plain-text error body to the user ({@code remote: ...}); Jetty's error page would be HTML. */
    private static void refuse(HttpServletResponse res, int status, String message) throws IOException {
        res.setStatus(status);
        res.setContentType("text/plain; charset=utf-8");
        res.getWriter().println(message);
    }

    /** The password (the personal access token) of an {@code Authorization: Basic} header. */
    private static Optional<String> credentials(HttpServletRequest req) {
        String header = req.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return Optional.empty();
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 || colon == decoded.length() - 1 ? Optional.empty() : Optional.of(decoded.substring(colon + 1));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** The project {@link #doFilter} found and let through. */
    private Repository open(HttpServletRequest req, String name) throws RepositoryNotFoundException {
        var project = (Projects.Project) req.getAttribute(PROJECT);
        try {
            return new FileRepositoryBuilder().setGitDir(new File(project.repoDir())).setMustExist(true).build();
        } catch (IOException e) {
            throw new RepositoryNotFoundException(name, e);
        }
    }

    private ReceivePack receivePack(HttpServletRequest req, Repository repo) {
        var user = (Users.User) req.getAttribute(USER);
        var project = (Projects.Project) req.getAttribute(PROJECT);
        var receive = new ReceivePack(repo);
        var hooks = new GitReceiveHooks(permissions, pushPipelines, user, project);
        receive.setAllowPushOptions(true);
        receive.setPreReceiveHook(hooks::check);
        receive.setPostReceiveHook(hooks::pipelines);
        return receive;
    }
}
