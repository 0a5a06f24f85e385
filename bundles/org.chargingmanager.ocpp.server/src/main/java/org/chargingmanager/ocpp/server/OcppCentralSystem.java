package org.chargingmanager.ocpp.server;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.chargingmanager.ocpp.v16.ConfigurationStatus;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.Request;
import org.chargingmanager.ocpp.v16.TriggerMessageStatus;

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
     * The reservations this charge point accepted and that have not ended (cancelled, used by a
     * transaction, expired, or released by the charge point), by connector. Tracked from what
     * goes through {@link #send}: ReserveNow / CancelReservation and their answers.
     */
    List<Reservation> reservations(String chargeBoxId);

    /**
     * ReserveNow with a reservation id picked by the central system (unique; read it back from
     * {@link #reservations} when accepted). Connector 0 reserves the charge point as a whole.
     *
     * @return the charge point's ReserveNowConfirmation (Accepted, Faulted, Occupied, Rejected,
     *         Unavailable)
     */
    CompletionStage<Confirmation> reserveNow(String chargeBoxId, int connectorId, String idTag, String parentIdTag,
            Instant expiryDate);

    /**
     * RemoteStartTransaction for this idTag on this connector ({@code null}: the charge point
     * picks one). When the load manager has a limit for the connector it goes along as a
     * TxProfile, so the session starts within the budget.
     */
    CompletionStage<Confirmation> remoteStart(String chargeBoxId, Integer connectorId, String idTag);

    /**
     * RemoteStopTransaction for the transaction running on this connector; fails with
     * {@link OcppCallException} code {@code NoTransaction} when none is known to run there.
     */
    CompletionStage<Confirmation> remoteStop(String chargeBoxId, int connectorId);

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

    /**
     * TC_073: gives the charge point a new random HTTP Basic password (20 letters and digits),
     * sent as ChangeConfiguration AuthorizationKey (its bytes in hexadecimal, as the OCPP 1.6
     * security whitepaper defines the key). This and the following methods are new in 1.1; their
     * defaults (for test doubles) fail with {@link UnsupportedOperationException}. Only when the charge point answers Accepted (or
     * RebootRequired) is the new password's hash stored; from then on the old one is refused.
     * The password is never logged nor returned.
     *
     * @return completes with the charge point's answer; fails with {@link OcppCallException} when
     *         it is offline, answered with a CALLERROR or did not answer (the old password stays)
     */
    default CompletionStage<ConfigurationStatus> changeChargePointPassword(String chargeBoxId) {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new UnsupportedOperationException("not supported by this implementation"));
    }

    /**
     * Like {@link #changeChargePointPassword(String)} with a given password of 16 to 20 bytes
     * (UTF-8); the array is not kept. Fails with {@link IllegalArgumentException} for another length.
     */
    default CompletionStage<ConfigurationStatus> changeChargePointPassword(String chargeBoxId, char[] password) {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new UnsupportedOperationException("not supported by this implementation"));
    }

    /**
     * The certificate chain the OCPP server presents over TLS (the generated self-signed one or
     * the installer's), leaf first; empty with TLS Off. A wallbox that checks the server needs
     * it as its trusted root (OCPP: CentralSystemRootCertificate).
     *
     * @throws IllegalStateException when the key material cannot be read
     */
    default List<X509Certificate> serverCertificates() {
        throw new UnsupportedOperationException("not supported by this implementation");
    }

    /**
     * The charge-point CA (security profile 3) that signs the CSRs charge points send with
     * SignCertificate and that is trusted for their client certificates: the CA certificate
     * first, then its issuers if any. Generated in the data directory when first needed, unless
     * the installer configured one.
     *
     * @throws IllegalStateException when the configured CA cannot be read
     */
    default List<X509Certificate> chargePointCaCertificates() {
        throw new UnsupportedOperationException("not supported by this implementation");
    }

    /**
     * Asks the charge point for a new certificate: ExtendedTriggerMessage SignChargePointCertificate.
     * It then makes a new key pair and sends SignCertificate; the certificate signed by the
     * charge-point CA follows with CertificateSigned.
     */
    default CompletionStage<TriggerMessageStatus> renewChargePointCertificate(String chargeBoxId) {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new UnsupportedOperationException("not supported by this implementation"));
    }

    /**
     * TC_083: moves a connected charge point to a higher OCPP security profile (1 HTTP Basic over
     * ws://, 2 HTTP Basic over wss://, 3 wss:// with a client certificate). The preconditions are
     * checked first: the charge point is connected with this profile or a lower one and runs no
     * transaction; for 1 and 2 it has a password (its own or the server password); for 2 and 3
     * the server has TLS (Detect or On); for 3 the server verifies client certificates (client CA
     * configured or client certificates required). Then ChangeConfiguration SecurityProfile; on
     * Accepted or RebootRequired the profile becomes the charge point's minimum (stored in the
     * data directory, connections below it are refused with HTTP 403) and Reset Hard makes it
     * reconnect with the new profile. Rejected, NotSupported, a CALLERROR or no answer change
     * nothing.
     *
     * @return completes with the charge point's answer; fails with {@link OcppCallException} code
     *         {@code Refused} (a precondition, with the reason), {@code Offline}, or as
     *         {@link #send}; with {@link IllegalArgumentException} for a profile outside 1 to 3
     */
    default CompletionStage<ConfigurationStatus> upgradeSecurityProfile(String chargeBoxId, int profile) {
        return java.util.concurrent.CompletableFuture.failedFuture(
                new UnsupportedOperationException("not supported by this implementation"));
    }

    /**
     * Sets the minimum security profile of a charge point (0 to 3; 0: none) without asking it,
     * e.g. lower it again for a replaced wallbox that starts with profile 1. Logged; takes effect
     * with the next connection.
     *
     * @throws IllegalArgumentException for a profile outside 0 to 3 or an invalid charge box ID
     */
    default void setMinimumSecurityProfile(String chargeBoxId, int profile) {
        throw new UnsupportedOperationException("not supported by this implementation");
    }

    /** The minimum security profile of a charge point, 0 when none is set. */
    default int minimumSecurityProfile(String chargeBoxId) {
        return 0;
    }
}
