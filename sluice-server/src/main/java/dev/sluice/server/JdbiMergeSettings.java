package dev.sluice.server;

import org.jdbi.v3.core.Jdbi;

final class JdbiMergeSettings implements MergeSettings {

    private final Jdbi jdbi;

    JdbiMergeSettings(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    @Override
    public Settings of(long projectId) {
        return jdbi.withHandle(h -> h.createQuery("select approvals_required, approver_access_level, reset_approvals_on_push,"
                        + " merge_method, avoid_duplicate_pipelines from merge_settings where project_id = ?")
                .bind(0, projectId)
                .map((rs, ctx) -> new Settings(rs.getInt(1), rs.getInt(2), rs.getBoolean(3), rs.getString(4), rs.getBoolean(5)))
                .findOne().orElse(Settings.DEFAULTS));
    }

    @Override
    public void save(long projectId, Settings s) {
        jdbi.useTransaction(h -> {
            h.createUpdate("delete from merge_settings where project_id = ?").bind(0, projectId).execute();
            h.createUpdate("insert into merge_settings (project_id, approvals_required, approver_access_level,"
                            + " reset_approvals_on_push, merge_method, avoid_duplicate_pipelines) values (?, ?, ?, ?, ?, ?)")
                    .bind(0, projectId).bind(1, s.approvalsRequired()).bind(2, s.approverLevel()).bind(3, s.resetApprovalsOnPush())
                    .bind(4, s.mergeMethod()).bind(5, s.avoidDuplicatePipelines()).execute();
        });
    }
}
