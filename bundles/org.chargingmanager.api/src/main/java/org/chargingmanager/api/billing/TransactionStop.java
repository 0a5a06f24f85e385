package org.chargingmanager.api.billing;

import java.time.OffsetDateTime;

/**
 * @param end when the session ended
 * @param meterStopWattHours the energy register at the end
 * @param reason why it ended, for example the OCPP stop reason {@code EVDisconnected}
 */
public record TransactionStop(OffsetDateTime end, long meterStopWattHours, String reason) {
}
