package org.chargingmanager.modbus.protocol;

import java.time.Instant;
import java.util.Arrays;

/**
 * The write policy of one register as a state machine: what was last written and when, what the device was last
 * seen to hold, and a value waiting for the minimum interval. Pure apart from its own state; not thread-safe
 * ({@link ModbusDevice} synchronises).
 */
final class WriteGate {

    /** What to do with a requested value. */
    enum Decision { WRITE, SKIP, DEFER }

    private final WritePolicy policy;
    private int[] lastWritten;
    private Instant lastWriteAt;
    private int[] deviceValue;
    private int[] pending;

    WriteGate(WritePolicy policy) {
        this.policy = policy;
    }

    /** Decides about {@code words} at {@code now}; a deferred value replaces an earlier pending one. */
    Decision request(int[] words, Instant now) {
        boolean sameAsWritten = lastWritten != null && Arrays.equals(lastWritten, words);
        boolean sameAsDevice = deviceValue != null && Arrays.equals(deviceValue, words);
        boolean skipRepeats = policy.mode() != WritePolicy.Mode.EVERY_WRITE;
        if (skipRepeats && (sameAsWritten || (policy.mode() == WritePolicy.Mode.FLASH_BACKED && sameAsDevice))) {
            pending = null;
            return Decision.SKIP;
        }
        if (!intervalPassed(now)) {
            if (sameAsWritten) {
                pending = null;
                return Decision.SKIP;
            }
            pending = words.clone();
            return Decision.DEFER;
        }
        return Decision.WRITE;
    }

    /** The pending value if its interval has passed at {@code now}, else null. */
    int[] due(Instant now) {
        return pending != null && intervalPassed(now) ? pending.clone() : null;
    }

    boolean hasPending() {
        return pending != null;
    }

    void written(int[] words, Instant now) {
        lastWritten = words.clone();
        deviceValue = words.clone();
        lastWriteAt = now;
        if (pending != null && Arrays.equals(pending, words)) {
            pending = null;
        }
    }

    /** The device was read and holds {@code words}. */
    void seen(int[] words) {
        deviceValue = words.clone();
    }

    /** The device may have lost its volatile settings: repeat values again (not for flash-backed registers). */
    void forget() {
        if (policy.mode() != WritePolicy.Mode.FLASH_BACKED) {
            lastWritten = null;
            deviceValue = null;
        }
    }

    private boolean intervalPassed(Instant now) {
        return lastWriteAt == null || policy.minInterval().isZero()
                || !now.isBefore(lastWriteAt.plus(policy.minInterval()));
    }
}
