package org.chargingmanager.ocpp.server.internal;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.ocpp.v16.ChargingProfile;
import org.chargingmanager.ocpp.v16.ChargingProfileKind;
import org.chargingmanager.ocpp.v16.ChargingProfilePurpose;
import org.chargingmanager.ocpp.v16.ChargingRateUnit;
import org.chargingmanager.ocpp.v16.ChargingSchedule;
import org.chargingmanager.ocpp.v16.ChargingSchedulePeriod;
import org.chargingmanager.ocpp.v16.SetChargingProfileRequest;

/** A load manager limit as a SetChargingProfile: one absolute period without end, rounded down. */
final class ProfileBuilder {

    /** Nominal phase voltage for limits in W. */
    static final int VOLTS_PER_PHASE = 230;

    private ProfileBuilder() {
    }

    /** Our profile ids: stable per purpose and connector, so a new limit replaces the old profile. */
    static int profileId(ChargingProfilePurpose purpose, int connectorId) {
        return switch (purpose) {
            case CHARGE_POINT_MAX_PROFILE -> 300;
            case TX_DEFAULT_PROFILE -> 100 + connectorId;
            case TX_PROFILE -> 200 + connectorId;
        };
    }

    static SetChargingProfileRequest build(int connectorId, ChargingProfilePurpose purpose, Integer transactionId,
            int stackLevel, ChargingRateUnit unit, ChargingLimit limit, int phases, Instant now) {
        int connector = purpose == ChargingProfilePurpose.CHARGE_POINT_MAX_PROFILE ? 0 : connectorId;
        double value = unit == ChargingRateUnit.AMPERES ? amperes(limit.currentMilliamps())
                : watts(limit.currentMilliamps(), phases);
        ChargingSchedule schedule = new ChargingSchedule(null,
                purpose == ChargingProfilePurpose.TX_PROFILE ? null : now.truncatedTo(ChronoUnit.SECONDS).minusSeconds(60),
                unit, List.of(new ChargingSchedulePeriod(0, value, phases)), null);
        ChargingProfile profile = new ChargingProfile(profileId(purpose, connector),
                purpose == ChargingProfilePurpose.TX_PROFILE ? transactionId : null, stackLevel, purpose,
                purpose == ChargingProfilePurpose.TX_PROFILE ? ChargingProfileKind.RELATIVE : ChargingProfileKind.ABSOLUTE,
                null, null, null, schedule);
        return new SetChargingProfileRequest(connector, profile);
    }

    /** Rounded down to 0.1 A. */
    static double amperes(int milliamps) {
        return (milliamps / 100) / 10.0;
    }

    /** Rounded down to whole watts at 230 V per phase. */
    static double watts(int milliamps, int phases) {
        return Math.floor((long) milliamps * VOLTS_PER_PHASE * phases / 1000.0);
    }
}
