package dev.sluice.server;

/** The webhook deliveries a project has handled, so that none is acted on twice. */
interface WebhookDeliveries {

    /**
     * Records a delivery; false when one with the same delivery id, or announcing the same event, was recorded
     * before (a forge's redelivery, or a replayed request).
     */
    boolean record(long projectId, String deliveryId, String eventKey);

    /** Forgets a delivery that could not be acted on, so that the forge's redelivery may try again. */
    void forget(long projectId, String deliveryId);
}
