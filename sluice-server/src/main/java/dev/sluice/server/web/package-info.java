/**
 * The web UI served by {@code sluice server}: pages rendered on the server, htmx and its SSE extension (webjars,
 * no npm build) for the live parts, a hand-written stylesheet.
 *
 * <p>Pages are plain Java text blocks rather than jte templates: the pages are few and small, each is a pure
 * function from view records to HTML that a unit test calls directly (and a 500-job pipeline renders in about
 * 2 ms), and it keeps the build free of a template-precompiling plugin and its generated sources. Every value
 * goes through {@link dev.sluice.server.web.Html#esc}. Should the pages grow past this, jte fits the same seams.
 *
 * <p>{@link dev.sluice.server.web.WebRoutes} owns the routes, all under {@code /-/} (plus GitLab's badge URL);
 * {@link dev.sluice.server.web.Control} is what the UI needs from the coordinator; reads go straight to the store
 * in one query per list.
 *
 * <p>People: {@link dev.sluice.server.web.SignIn} turns away whoever has no session (sessions live in the store,
 * behind {@link dev.sluice.server.web.Sessions}); every role decision is asked of
 * {@link dev.sluice.server.web.Accounts}, which the coordinator answers with its Permissions, so the UI holds no
 * rule of its own. Hiding a button is only for the eye: the route checks again.
 *
 * <p>Merge requests: {@link dev.sluice.server.web.MergeRequestControl} hands the pages what the merge gate says and
 * carries out approving and merging with the same code as the REST API (the coordinator's MergeRequestActions),
 * so the page's enabled button and the REST API's answer cannot disagree.
 */
package dev.sluice.server.web;
