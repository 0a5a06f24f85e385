package org.chargingmanager.ocpp.server.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.time.Instant;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseState;
import org.junit.jupiter.api.Test;

/** The "seen" time of an OCPP EVSE while its connection is alive, without a stored snapshot per tick. */
class OcppEvseTest {

    private static final Instant T0 = Instant.parse("2026-12-07T10:00:00Z");

    private final OcppEvse evse = new OcppEvse(
            new EvseInfo("ocpp-CP1-1", "CP1 connector 1", "ocpp", "CP1", 1, 3, PhaseRotation.L1_L2_L3, 6000, 16000),
            (connector, limit) -> { });

    @Test
    void aLiveConnectionRenewsTheSeenTimeEveryFewSeconds() {
        evse.state(EvseState.AVAILABLE, T0, T0);
        assertEquals(T0, evse.snapshot().seenAt());

        evse.alive(T0.plusSeconds(5));
        assertEquals(T0.plusSeconds(5), evse.snapshot().seenAt());
        assertEquals(T0, evse.snapshot().measuredAt(), "the values keep the time they were measured at");

        evse.alive(T0.plusSeconds(6));
        assertEquals(T0.plusSeconds(5), evse.snapshot().seenAt(), "renewed at most every " + OcppEvse.ALIVE_STAMP_EVERY);
        assertEquals(evse.snapshot(), evse.snapshot(), "two reads between renewals show the same snapshot");

        evse.alive(T0.plusSeconds(8));
        assertEquals(T0.plusSeconds(8), evse.snapshot().seenAt());
    }

    @Test
    void aMessageAfterTheStampIsNewerAndWins() {
        evse.state(EvseState.AVAILABLE, T0, T0);
        evse.alive(T0.plusSeconds(4));
        evse.state(EvseState.CHARGING, T0.plusSeconds(6), T0.plusSeconds(6));
        assertEquals(T0.plusSeconds(6), evse.snapshot().seenAt());
        assertEquals(EvseState.CHARGING, evse.snapshot().state());
    }

    @Test
    void anOfflineEvseIsNotStampedAndKeepsWhenItWasLastSeen() {
        evse.state(EvseState.AVAILABLE, T0, T0);
        evse.alive(T0.plusSeconds(5));
        evse.state(EvseState.OFFLINE, T0.plusSeconds(7), T0.plusSeconds(7));
        assertEquals(EvseState.OFFLINE, evse.snapshot().state());
        assertEquals(T0.plusSeconds(5), evse.snapshot().seenAt(), "last seen alive");
        evse.alive(T0.plusSeconds(20));
        assertEquals(T0.plusSeconds(5), evse.snapshot().seenAt());
        assertSame(evse.snapshot(), evse.snapshot(), "nothing made up for an offline EVSE");
    }
}
