package dev.sluice.server;

import java.util.List;
import java.util.Locale;
import org.jdbi.v3.core.Jdbi;

final class JdbiProtectedRefs implements ProtectedRefs {

    private final Jdbi jdbi;

    JdbiProtectedRefs(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public boolean protect(long projectId, Kind kind, String name) {
        return JdbiProjectVariables.unlessDuplicate(() -> jdbi.withHandle(h -> h.createUpdate(
                        "insert into protected_refs (project_id, kind, name) values (?, ?, ?)")
                .bind(0, projectId).bind(1, column(kind)).bind(2, name).execute()) == 1);
    }

    @Override
    public boolean unprotect(long projectId, Kind kind, String name) {
        return jdbi.withHandle(h -> h.createUpdate("delete from protected_refs where project_id = ? and kind = ? and name = ?")
                .bind(0, projectId).bind(1, column(kind)).bind(2, name).execute()) == 1;
    }

    @Override
    public List<String> names(long projectId, Kind kind) {
        return jdbi.withHandle(h -> h.createQuery("select name from protected_refs where project_id = ? and kind = ? order by id")
                .bind(0, projectId).bind(1, column(kind)).mapTo(String.class).list());
    }

    private static String column(Kind kind) {
        return kind.name().toLowerCase(Locale.ROOT);
    }
}
