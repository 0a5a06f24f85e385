package org.chargingmanager.ocpp.gateway.internal;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.evse.ChargingCap;
import org.chargingmanager.ocpp.v16.Request;

/**
 * The charge point behind one upstream connection, as the {@link Gateway} drives it on its thread:
 * a {@link VirtualChargePoint} for charging points of any driver, or a {@link PassThroughChargePoint}
 * for an OCPP wallbox on our central system.
 */
interface UpstreamChargePoint {

    List<ChargingCap> caps();

    /** Whether the backend accepted the BootNotification on this connection. */
    boolean booted();

    List<VirtualChargePoint.ConnectorView> view();

    void connected();

    void disconnected();

    /** About every second and after every frame. */
    void tick(Instant now);

    /** Answers the backend's CALL: a confirmation, RpcError, RawConfirmation or a CompletionStage of one. */
    Object handle(Request request, String payloadJson);

    /** After the answer to the backend's CALL went out. */
    void afterAnswer();
}
