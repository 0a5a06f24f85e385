package org.chargingmanager.ocpp.server;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.Request;

/**
 * The OCPP 1.6J central system: the charge points it knows and the messages an operator sends
 * them. Thread safe; no method blocks on the network.
 */
public interface OcppCentralSystem {

    /** Every charge point seen since start (connected or not), sorted by charge box ID. */
    List<ChargePointStatus> chargePoints();

    Optional<ChargePointStatus> chargePoint(String chargeBoxId);

    /**
     * Sends an operator-initiated CALL (e.g. {@code new ResetRequest(ResetType.SOFT)}) to a
     * connected charge point. It is queued behind the charge point's outstanding CALL.
     *
     * @return completes with the charge point's confirmation; fails with
     *         {@link OcppCallException} when the charge point is not connected, the queue is
     *         full, it answered with a CALLERROR, or it did not answer in time
     */
    CompletionStage<Confirmation> send(String chargeBoxId, Request request);

    /**
     * Accepts a charge point that is waiting for approval (policy "pending"): its next
     * BootNotification is answered Accepted (a TriggerMessage asks for it at once).
     *
     * @return false if the charge box ID was never seen
     */
    boolean approve(String chargeBoxId);

    /**
     * Sets the HTTP Basic password of one charge point (user name = charge box ID), stored as a
     * salted hash; replaces the server password for it. An empty password removes it.
     */
    void setChargePointPassword(String chargeBoxId, char[] password);

    /**
     * Removes every charging profile on the station (ClearChargingProfile without filter) and
     * stops sending new ones until a limit arrives again, so the station works without the
     * charging manager.
     */
    CompletionStage<Confirmation> clearChargingProfiles(String chargeBoxId);

    /**
     * Sends the user directory to a charge point as its local authorization list (SendLocalList,
     * Full update with the next list version, split as the charger requires), so it
     * authorizes the users' RFID tags and PINs while it is offline.
     *
     * @return fails with {@link OcppCallException} code {@code Refused} when the charger has the
     *         local list switched off, does not support it, holds fewer entries or did not accept
     *         an update; {@code NoUserDirectory} without the billing bundle; and as {@link #send}
     */
    CompletionStage<LocalListSynchronization> synchronizeLocalList(String chargeBoxId);
}
