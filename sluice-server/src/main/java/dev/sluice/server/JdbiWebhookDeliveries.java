package dev.sluice.server;

import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

final class JdbiWebhookDeliveries implements WebhookDeliveries {

    private final Jdbi jdbi;

    JdbiWebhookDeliveries(Jdbi jdbi) {
        this.jdbi = jdbi;
    }

    /** The unique keys decide, so two concurrent deliveries of the same event cannot both pass. */
    @Override
    public boolean record(long projectId, String deliveryId, String eventKey) {
        try {
            jdbi.useHandle(h -> h.createUpdate(
                            "insert into webhook_deliveries (project_id, delivery_id, event_key) values (?, ?, ?)")
                    .bind(0, projectId).bind(1, deliveryId).bind(2, eventKey).execute());
            return true;
        } catch (UnableToExecuteStatementException e) {
            if (e.getCause() instanceof java.sql.SQLException sql && sql.getSQLState().startsWith("23")) {
                return false; // integrity constraint violation: seen before
            }
            throw e;
        }
    }

    @Override
    public void forget(long projectId, String deliveryId) {
        jdbi.useHandle(h -> h.createUpdate("delete from webhook_deliveries where project_id = ? and delivery_id = ?")
                .bind(0, projectId).bind(1, deliveryId).execute());
    }
}
