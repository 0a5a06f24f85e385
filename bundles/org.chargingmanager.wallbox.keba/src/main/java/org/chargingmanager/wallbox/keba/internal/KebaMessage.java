package org.chargingmanager.wallbox.keba.internal;

import java.util.Map;

/** What a KEBA box sends: an answer to a command, a report, a status push, or something not understood. */
sealed interface KebaMessage {

    /** {@code TCH-OK :done} (accepted) or {@code TCH-ERR} (refused). */
    record Ack(boolean ok) implements KebaMessage {
    }

    /** Report 1: who the box is. */
    record Identity(String product, String serial, String firmware, long secondsSinceBoot) implements KebaMessage {
    }

    /**
     * Report 2: state and settings.
     *
     * @param state              0 starting, 1 not ready, 2 ready, 3 charging, 4 error, 5 interrupted
     * @param plug               bit 0 cable at the box, bit 1 locked at the box, bit 2 cable at the car
     * @param enableSys          whether charging is enabled, all sources together (0 after the failsafe fired)
     * @param enableUser         the {@code ena} setting
     * @param maxCurrentMilliamps the current the box allows now, all limits together
     * @param userCurrentMilliamps the {@code curr} setting
     * @param hardwareCurrentMilliamps the DIP switch / cable limit
     * @param failsafeMilliamps  {@code Curr FS}
     * @param failsafeTimeoutSeconds {@code Tmo FS}; 0 when the failsafe is off
     * @param secondsSinceBoot   {@code Sec}; smaller than before means the box rebooted
     * @param phaseSwitchSource  {@code X2 phaseSwitch source}: who may switch phases (4 = UDP); -1 if not reported
     * @param phaseSwitch        {@code X2 phaseSwitch}: 0 one phase, 1 three phases; -1 if not reported
     */
    record Settings(int state, int plug, boolean enableSys, boolean enableUser, int maxCurrentMilliamps,
            int userCurrentMilliamps, int hardwareCurrentMilliamps, int failsafeMilliamps, int failsafeTimeoutSeconds,
            long secondsSinceBoot, int phaseSwitchSource, int phaseSwitch) implements KebaMessage {

        boolean carConnected() {
            return (plug & 0b100) != 0;
        }
    }

    /**
     * Report 3: measurements.
     *
     * @param voltsL1            U1 .. U3 in V
     * @param milliampsL1        I1 .. I3 in mA
     * @param powerMilliwatts    P in mW
     * @param sessionTenthWattHours E pres in 0.1 Wh
     * @param totalTenthWattHours E total in 0.1 Wh
     */
    record Measurements(int voltsL1, int voltsL2, int voltsL3, int milliampsL1, int milliampsL2, int milliampsL3,
            long powerMilliwatts, long sessionTenthWattHours, long totalTenthWattHours, long secondsSinceBoot)
            implements KebaMessage {
    }

    /**
     * Report 100: the current (or last) session.
     *
     * @param rfidTag the card that authorised it, null when none ("0000000000000000")
     */
    record Session(String rfidTag) implements KebaMessage {
    }

    /** A status message the box sends by itself when something changes ({@code {"State": 3}}). */
    record Push(Map<String, String> fields) implements KebaMessage {
    }

    /** Anything else: not JSON, a report without its fields, an unknown report. */
    record Garbage(String problem) implements KebaMessage {
    }
}
