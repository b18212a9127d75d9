package dev.sluice.server;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.jdbi.v3.core.Jdbi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The merge-request stores (V9) on H2 and on a real PostgreSQL, each test on a fresh migrated database. */
class JdbiMergeRequestsIT {

    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    @TempDir
    Path tmp;
    private final FreshStore store = new FreshStore();

    private Jdbi open(TestDatabase db) {
        return store.open(db, tmp);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void mergeRequestsAreNumberedPerProjectAndKeepTheirStateChanges(TestDatabase db) {
        var jdbi = open(db);
        var projects = new JdbiProjects(jdbi);
        long app = projects.create("app", "g/app", "/srv/app.git", "main").id();
        long lib = projects.create("lib", "g/lib", "/srv/lib.git", "main").id();
        long ada = new JdbiUsers(jdbi).create("ada", "Ada", null, false).id();
        var store = new JdbiMergeRequests(jdbi);

        var first = store.create(app, "One", "", "a", "main", ada, "sha1", T0);
        var second = store.create(app, "Two", "why", "b", "main", ada, "sha2", T0.plusSeconds(1));
        var other = store.create(lib, "Lib", "", "a", "main", ada, "sha3", T0);

        assertThat(first.iid()).isEqualTo(1);
        assertThat(second.iid()).isEqualTo(2);
        assertThat(other.iid()).as("numbered per project").isEqualTo(1);
        assertThat(first.open()).isTrue();
        assertThat(first.headRef()).isEqualTo("refs/merge-requests/1/head");
        assertThat(store.list(app, null, 0, 10)).extracting(MergeRequests.MergeRequest::iid).containsExactly(2L, 1L);
        assertThat(store.openFrom(app, "a")).extracting(MergeRequests.MergeRequest::id).containsExactly(first.id());

        store.setState(second.id(), "closed", T0.plusSeconds(5));
        assertThat(store.find(app, 2).orElseThrow().closedAt()).isEqualTo(T0.plusSeconds(5));
        assertThat(store.count(app, "opened")).isEqualTo(1);
        store.setState(second.id(), "opened", T0.plusSeconds(6));
        assertThat(store.find(app, 2).orElseThrow().closedAt()).isNull();

        store.edit(first.id(), "One!", "now with text", T0.plusSeconds(7));
        store.seenHead(first.id(), "sha9");
        store.merged(first.id(), null, "sha9", ada, T0.plusSeconds(8));
        var merged = store.find(app, 1).orElseThrow();
        assertThat(merged.state()).isEqualTo("merged");
        assertThat(merged.title()).isEqualTo("One!");
        assertThat(merged.mergeCommitSha()).isNull();
        assertThat(merged.mergedBy()).isEqualTo(ada);
        assertThat(merged.mergedAt().truncatedTo(ChronoUnit.SECONDS)).isEqualTo(T0.plusSeconds(8));
        assertThat(store.openFrom(app, "a")).isEmpty();
        assertThat(store.find(app, 3)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void concurrentlyOpenedMergeRequestsGetDistinctNumbers(TestDatabase db) throws Exception {
        var jdbi = open(db);
        long app = new JdbiProjects(jdbi).create("app", "g/app", "/srv/app.git", "main").id();
        long ada = new JdbiUsers(jdbi).create("ada", "Ada", null, false).id();
        var store = new JdbiMergeRequests(jdbi);
        var tasks = new java.util.ArrayList<java.util.concurrent.Callable<Long>>();
        for (int i = 0; i < 8; i++) {
            String branch = "b" + i;
            tasks.add(() -> store.create(app, branch, "", branch, "main", ada, "sha", T0).iid());
        }
        try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
            var iids = new java.util.ArrayList<Long>();
            for (var f : pool.invokeAll(tasks)) {
                iids.add(f.get());
            }
            assertThat(iids).containsExactlyInAnyOrder(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        }
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void approvalsAreOnePerUserForTheLatestCommitTheyApproved(TestDatabase db) {
        var jdbi = open(db);
        long app = new JdbiProjects(jdbi).create("app", "g/app", "/srv/app.git", "main").id();
        var users = new JdbiUsers(jdbi);
        long ada = users.create("ada", "Ada", null, false).id();
        long bob = users.create("bob", "Bob", null, false).id();
        var store = new JdbiMergeRequests(jdbi);
        long mr = store.create(app, "One", "", "a", "main", ada, "sha1", T0).id();

        store.approve(mr, bob, "sha1", T0);
        store.approve(mr, bob, "sha2", T0.plusSeconds(1));

        assertThat(store.approvals(mr)).singleElement().satisfies(a -> {
            assertThat(a.userId()).isEqualTo(bob);
            assertThat(a.sha()).isEqualTo("sha2");
        });
        assertThat(store.unapprove(mr, bob)).isTrue();
        assertThat(store.unapprove(mr, bob)).isFalse();
        assertThat(store.approvals(mr)).isEmpty();

        store.addNote(mr, bob, "first", T0);
        store.addNote(mr, ada, "second", T0.plusSeconds(1));
        assertThat(store.notes(mr)).extracting(MergeRequests.Note::body).containsExactly("first", "second");
    }

    @ParameterizedTest
    @EnumSource(TestDatabase.class)
    void projectsWithoutMergeSettingsHaveTheDefaults(TestDatabase db) {
        var jdbi = open(db);
        long app = new JdbiProjects(jdbi).create("app", "g/app", "/srv/app.git", "main").id();
        var settings = new JdbiMergeSettings(jdbi);

        assertThat(settings.of(app)).isEqualTo(MergeSettings.Settings.DEFAULTS);
        var changed = new MergeSettings.Settings(2, ProjectMembers.MAINTAINER, false, "ff", true);
        settings.save(app, changed);
        settings.save(app, changed);
        assertThat(settings.of(app)).isEqualTo(changed);
    }
}
