package org.chargingmanager.ocpp.relay;

import java.util.OptionalLong;
import java.util.concurrent.CompletionStage;

import org.chargingmanager.ocpp.v16.Action;
import org.chargingmanager.ocpp.v16.RawConfirmation;

/**
 * Passes one charge point of our central system through to an external OCPP backend (the OCPP
 * gateway's pass-through mode; implemented by the gateway, called by the central system). Registered as a service with the property {@value #CHARGE_BOX_ID}
 * naming the charge point; the central system then still checks and records everything the
 * charge point sends (transaction log, signed meter values) and hands it on here, with the
 * payload exactly as received:
 * <ul>
 * <li>{@link #notify}: BootNotification and StatusNotification; the central system answers them
 * itself;</li>
 * <li>{@link #forward}: Authorize, StartTransaction, StopTransaction, MeterValues and DataTransfer;
 * the charge point gets the returned answer, byte for byte. The uplink decides when the backend
 * is away (offline rules) and must complete within a few seconds.</li>
 * </ul>
 * The charge point may be given transaction IDs of the backend: {@link #logTransactionId} tells
 * the central system which transaction of its own log the charge point means.
 *
 * @since 1.0
 */
public interface ChargePointUplink {

    /** The service property with the charge box ID this uplink serves. */
    String CHARGE_BOX_ID = "chargeBoxId";

    /** The charge point booted on a new connection (again): the backend's CALLs go to it through the link. */
    void attached(ChargePointLink link);

    /** A BootNotification or StatusNotification of the charge point, the payload as received. */
    void notify(Action action, String payloadJson);

    /**
     * A CALL of the charge point, already recorded by the central system.
     *
     * @param payloadJson the payload as received
     * @param logTransactionId the transaction in our transaction log (StartTransaction,
     *        StopTransaction, MeterValues with a transaction), else 0
     * @return the answer for the charge point
     */
    CompletionStage<RawConfirmation> forward(Action action, String payloadJson, long logTransactionId);

    /** The transaction of our log that the charge point means by a transaction ID it got through this uplink. */
    OptionalLong logTransactionId(int chargePointTransactionId);
}
