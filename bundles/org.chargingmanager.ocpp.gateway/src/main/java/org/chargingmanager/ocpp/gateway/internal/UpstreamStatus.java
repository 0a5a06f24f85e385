package org.chargingmanager.ocpp.gateway.internal;

import java.time.Instant;
import java.util.List;

/**
 * What the operator sees of one upstream connection.
 *
 * @param url the backend URL connected to (never with credentials)
 * @param since when the state last changed
 * @param lastError the last reason the connection failed or closed, or null
 * @param queuedMessages transaction messages waiting for the backend
 * @param droppedMeterValues MeterValues dropped because the queue was full
 */
record UpstreamStatus(String chargeBoxId, String url, UpstreamState state, boolean connected, Instant since,
        String lastError, int queuedMessages, long droppedMeterValues,
        List<VirtualChargePoint.ConnectorView> connectors) {
}
