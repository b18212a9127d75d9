package dev.sluice.server;

import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

final class JdbiMirrors implements Mirrors {

    private final Jdbi jdbi;

    JdbiMirrors(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public void create(Mirror mirror) {
        var status = mirror.status();
        jdbi.useHandle(h -> h.createUpdate("insert into project_mirrors (project_id, import_url, webhook_secret, "
                        + "status_forge, status_api_url, status_token) values (?, ?, ?, ?, ?, ?)")
                .bind(0, mirror.projectId()).bind(1, mirror.importUrl()).bind(2, mirror.webhookSecret())
                .bind(3, status.map(s -> s.forge().id()).orElse(null))
                .bind(4, status.map(StatusTarget::apiUrl).orElse(null))
                .bind(5, status.map(StatusTarget::token).orElse(null))
                .execute());
    }

    @Override
    public Optional<Mirror> find(long projectId) {
        return jdbi.withHandle(h -> h.createQuery("select project_id, import_url, webhook_secret, status_forge, "
                        + "status_api_url, status_token from project_mirrors where project_id = ?")
                .bind(0, projectId)
                .map((rs, ctx) -> {
                    String apiUrl = rs.getString(5);
                    String token = rs.getString(6);
                    return new Mirror(rs.getLong(1), rs.getString(2), rs.getString(3),
                            Forge.of(String.valueOf(rs.getString(4))).map(f -> new StatusTarget(f, apiUrl, token)));
                })
                .findOne());
    }
}
