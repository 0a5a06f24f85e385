package org.chargingmanager.modbus.protocol;

import java.time.Duration;
import java.util.Objects;

/**
 * How often a writable register may be written by {@link ModbusDevice#write}. Devices keep some settings in
 * flash memory that wears out (cFos: everything except the charging current limit, enable and the relay
 * registers), so a driver must not write them in every control cycle.
 *
 * <ul>
 * <li>{@link #EVERY_WRITE}: every call writes (for registers the device wants refreshed, e.g. a watchdog).</li>
 * <li>{@link #ON_CHANGE_ONLY}: written only when the encoded value differs from the last value written
 * successfully; {@link ModbusDevice#forgetWrittenValues()} (after the device was offline) makes the next call
 * write again.</li>
 * <li>{@link #FLASH_BACKED}: never periodically: written only when the value differs from the last value
 * written or read from the device (a forget does not re-arm it), and at most once per minute by default.</li>
 * </ul>
 * Any policy can carry a minimum interval ({@link #withMinInterval}): a changed value that comes sooner is kept
 * and written by {@link ModbusDevice#flush()} once the interval has passed (the latest value wins).
 *
 * @param mode        when a value is written
 * @param minInterval the least time between two writes of the register; zero for none
 */
public record WritePolicy(Mode mode, Duration minInterval) {

    /** When a value is written; see {@link WritePolicy}. */
    public enum Mode { EVERY_WRITE, ON_CHANGE_ONLY, FLASH_BACKED }

    public static final WritePolicy EVERY_WRITE = new WritePolicy(Mode.EVERY_WRITE, Duration.ZERO);
    public static final WritePolicy ON_CHANGE_ONLY = new WritePolicy(Mode.ON_CHANGE_ONLY, Duration.ZERO);
    public static final WritePolicy FLASH_BACKED = new WritePolicy(Mode.FLASH_BACKED, Duration.ofMinutes(1));

    public WritePolicy {
        Objects.requireNonNull(mode, "mode");
        Objects.requireNonNull(minInterval, "minInterval");
        if (minInterval.isNegative()) {
            throw new IllegalArgumentException("negative minimum interval: " + minInterval);
        }
    }

    /** Every change written, but no more often than once per {@code interval}. */
    public static WritePolicy minInterval(Duration interval) {
        return new WritePolicy(Mode.ON_CHANGE_ONLY, interval);
    }

    public WritePolicy withMinInterval(Duration interval) {
        return new WritePolicy(mode, interval);
    }
}
