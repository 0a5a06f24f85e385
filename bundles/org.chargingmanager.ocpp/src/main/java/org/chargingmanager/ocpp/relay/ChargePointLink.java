package org.chargingmanager.ocpp.relay;

import java.util.concurrent.CompletionStage;

import org.chargingmanager.ocpp.v16.Action;
import org.chargingmanager.ocpp.v16.RawResult;

/**
 * Sends CALLs to one charge point connected to this central system, payloads as given: how a
 * {@link ChargePointUplink} passes the backend's CALLs on. Implemented by the central system.
 *
 * @since 1.0
 */
public interface ChargePointLink {

    String chargeBoxId();

    /** Whether the charge point is connected now. */
    boolean connected();

    /**
     * Sends a CALL with this payload, exactly as given (after the CALLs before it). Fails with
     * {@link org.chargingmanager.ocpp.RpcCallException} (Offline, Timeout, the charge point's
     * CALLERROR code) or {@link IllegalArgumentException} (the payload breaks the schema).
     */
    CompletionStage<RawResult> call(Action action, String payloadJson);
}
