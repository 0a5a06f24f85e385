package org.chargingmanager.testkit.modbus;

import java.time.Clock;
import java.time.Duration;

import org.chargingmanager.modbus.ModbusLines;
import org.chargingmanager.modbus.internal.J2modLines;

/** The production {@link ModbusLines} (j2mod) for tests outside OSGi. Close it at the end of the test. */
public final class ModbusTestKit {

    private ModbusTestKit() {
    }

    /** Lines with a back-off of 1 s doubling to 60 s on {@code clock} (move a {@code MutableClock} past it). */
    public static LinesForTest lines(Clock clock) {
        return new LinesForTest(new J2modLines(clock, Duration.ofSeconds(1), Duration.ofSeconds(60)));
    }

    /** A {@link ModbusLines} that is also {@link AutoCloseable} (closes every line). */
    public static final class LinesForTest implements ModbusLines, AutoCloseable {
        private final J2modLines lines;

        LinesForTest(J2modLines lines) {
            this.lines = lines;
        }

        @Override
        public org.chargingmanager.modbus.ModbusLine open(org.chargingmanager.modbus.ModbusEndpoint endpoint) {
            return lines.open(endpoint);
        }

        /** How many distinct lines have open handles. */
        public int openLineCount() {
            return lines.openEndpoints().size();
        }

        @Override
        public void close() {
            lines.close();
        }
    }
}
