package org.chargingmanager.api.plan;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;

import org.junit.jupiter.api.Test;

class ChargingPlanRequestTest {

    /** 22:30 in Berlin, the evening before the clocks go back (2026-10-25). */
    private static final ZonedDateTime EVENING = ZonedDateTime.of(2026, 10, 24, 22, 30, 0, 0, ZoneId.of("Europe/Berlin"));

    @Test
    void aTimeOfDayIsItsNextOccurrenceInTheLocalZoneAcrossADaylightSavingChange() {
        assertEquals(Instant.parse("2026-10-25T06:00:00Z"), ChargingPlanRequest.deadlineFrom("07:00", EVENING));
        assertEquals(Instant.parse("2026-10-24T21:00:00Z"), ChargingPlanRequest.deadlineFrom("23:00", EVENING));
        assertEquals(Instant.parse("2026-10-25T21:00:00Z"), ChargingPlanRequest.deadlineFrom("22:00", EVENING)); // CET again
    }

    @Test
    void aDateAndTimeNeedsItsOffset() {
        assertEquals(Instant.parse("2026-12-07T06:00:00Z"),
                ChargingPlanRequest.deadlineFrom("2026-12-07T07:00:00+01:00", EVENING));
        assertEquals(Instant.parse("2026-12-07T06:00:00Z"), ChargingPlanRequest.deadlineFrom("2026-12-07T06:00:00Z", EVENING));
        IllegalArgumentException noOffset = assertThrows(IllegalArgumentException.class,
                () -> ChargingPlanRequest.deadlineFrom("2026-12-07T07:00:00", EVENING));
        assertTrue(noOffset.getMessage().contains("is not a deadline"));
        assertThrows(IllegalArgumentException.class, () -> ChargingPlanRequest.deadlineFrom("25:00", EVENING));
        assertThrows(IllegalArgumentException.class, () -> ChargingPlanRequest.deadlineFrom("", EVENING));
    }

    @Test
    void aPlanAsText() {
        ChargingPlanRequest request = ChargingPlanRequest.fromText("garage-1", " 12,5 kWh by 07:00 ", EVENING);
        assertEquals(12_500, request.energyWattHours(), 1e-9);
        assertEquals(Instant.parse("2026-10-25T06:00:00Z"), request.deadline());
        assertEquals(20_000, ChargingPlanRequest.fromText("g", "20kwh 2026-12-07T07:00:00+01:00", EVENING)
                .energyWattHours(), 1e-9);
        assertThrows(IllegalArgumentException.class, () -> ChargingPlanRequest.fromText("g", "20 by 07:00", EVENING));
        assertThrows(IllegalArgumentException.class, () -> ChargingPlanRequest.fromText("g", "0 kWh by 07:00", EVENING));
        assertThrows(IllegalArgumentException.class, () -> ChargingPlanRequest.fromText("g", null, EVENING));
    }

    @Test
    void aTargetStateOfChargeIsTheEnergyAtTheChargingPointWithItsLosses() {
        ChargingPlanRequest request = ChargingPlanRequest.forStateOfCharge("g", 35, 80, 60_000,
                Instant.parse("2026-12-07T06:00:00Z"));
        assertEquals(0.45 * 60_000 / 0.9, request.energyWattHours(), 1e-6);
        assertThrows(IllegalArgumentException.class, () -> ChargingPlanRequest.forStateOfCharge("g", 80, 80, 60_000,
                Instant.parse("2026-12-07T06:00:00Z")));
        assertThrows(IllegalArgumentException.class, () -> ChargingPlanRequest.forStateOfCharge("g", -1, 80, 60_000,
                Instant.parse("2026-12-07T06:00:00Z")));
        assertThrows(IllegalArgumentException.class, () -> ChargingPlanRequest.forStateOfCharge("g", 10, 80, 0,
                Instant.parse("2026-12-07T06:00:00Z")));
    }
}
