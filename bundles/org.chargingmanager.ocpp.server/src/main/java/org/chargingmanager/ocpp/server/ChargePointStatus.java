package org.chargingmanager.ocpp.server;

import java.time.Instant;
import java.util.List;

/**
 * What the central system knows about one charge point.
 *
 * @param chargeBoxId the charge box ID (last segment of the URL it connected to)
 * @param connected whether a WebSocket connection is open
 * @param registration {@code Accepted}, {@code Pending} (waiting for admin approval),
 *        {@code Rejected}, or {@code Unknown} before its first BootNotification
 * @param vendor from BootNotification, or empty
 * @param model from BootNotification, or empty
 * @param firmwareVersion from BootNotification, or empty
 * @param connectorIds the connectors seen (1 and up), each registered as an EVSE
 * @param lastMessageAt when anything (including a pong) was last received, or {@code null}
 * @param chargingProfileKind the profile purpose that works on this charger
 *        ({@code TxProfile}, {@code TxDefaultProfile}, {@code ChargePointMaxProfile}), with
 *        the rejected ones noted, e.g. {@code TxDefaultProfile (TxProfile rejected)}
 * @param firmwareStatus the last FirmwareStatusNotification, or empty
 * @param diagnosticsStatus the last DiagnosticsStatusNotification or LogStatusNotification, or empty
 * @param securityProfile the OCPP security profile of the current connection (0 no authentication,
 *        1 HTTP Basic over ws://, 2 HTTP Basic over wss://, 3 wss:// with a client certificate),
 *        or {@code null} while not connected
 * @param minimumSecurityProfile connections below this profile are refused (downgrade
 *        protection, raised by an accepted security profile upgrade); 0 when none is set
 */
public record ChargePointStatus(String chargeBoxId, boolean connected, String registration, String vendor,
        String model, String firmwareVersion, List<Integer> connectorIds, Instant lastMessageAt,
        String chargingProfileKind, String firmwareStatus, String diagnosticsStatus,
        Integer securityProfile, int minimumSecurityProfile) {

    public ChargePointStatus {
        connectorIds = List.copyOf(connectorIds);
    }
}
