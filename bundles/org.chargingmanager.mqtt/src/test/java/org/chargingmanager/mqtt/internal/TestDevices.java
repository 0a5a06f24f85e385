package org.chargingmanager.mqtt.internal;

import java.time.Instant;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhasePowers;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.device.PhaseVoltages;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;

/** A charging point and a meter whose values the test sets. */
final class TestDevices {

    private TestDevices() {
    }

    static final class TestEvse implements Evse {
        private final EvseInfo info;
        volatile EvseSnapshot snapshot;

        TestEvse(String id, PhaseRotation rotation) {
            info = new EvseInfo(id, "Wallbox " + id, "test", "", 1, 3, rotation, 6000, 16000);
            snapshot = snapshot(EvseState.AVAILABLE, 0, 0, 1000, null);
        }

        EvseSnapshot snapshot(EvseState state, int milliamps, double watts, double energy, String idTag) {
            return new EvseSnapshot(info.id(), Instant.now(), state, milliamps == 0 ? 0 : 1,
                    new PhaseCurrents(milliamps, 0, 0), watts, energy, idTag,
                    new ChargingLimit(16000, LimitReason.HOUSE_LIMIT, "house"));
        }

        @Override
        public EvseInfo info() {
            return info;
        }

        @Override
        public EvseSnapshot snapshot() {
            return snapshot;
        }

        @Override
        public void applyLimit(ChargingLimit limit) {
        }
    }

    static final class TestMeter implements Meter {
        private final MeterInfo info;
        volatile MeterReading reading;

        TestMeter(String id, MeterRole role, double watts, int milliampsPerPhase) {
            info = new MeterInfo(id, "Meter " + id, "test", role);
            reading = new MeterReading(Instant.now(), watts, PhasePowers.ZERO,
                    new PhaseCurrents(milliampsPerPhase, milliampsPerPhase, milliampsPerPhase), PhaseVoltages.NOMINAL,
                    12345.6, 0);
        }

        @Override
        public MeterInfo info() {
            return info;
        }

        @Override
        public MeterReading reading() {
            return reading;
        }
    }
}
