package org.chargingmanager.modbus.protocol;

import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * What one {@link ModbusDevice#read} returned: the words (or bit) of each register read, decoded on request.
 * Immutable. Asking for a register that was not read throws; a register holding its "not available" marker gives
 * an empty value.
 */
public final class RegisterValues {

    private final Instant readAt;
    private final Map<Register, int[]> words;
    private final Map<Register, Boolean> bits;

    public RegisterValues(Instant readAt, Map<Register, int[]> words, Map<Register, Boolean> bits) {
        this.readAt = Objects.requireNonNull(readAt, "readAt");
        Map<Register, int[]> copy = new LinkedHashMap<>();
        words.forEach((r, w) -> copy.put(r, w.clone()));
        this.words = Collections.unmodifiableMap(copy);
        this.bits = Collections.unmodifiableMap(new LinkedHashMap<>(bits));
    }

    /** When the read finished (the device's clock is not asked). */
    public Instant readAt() {
        return readAt;
    }

    /** True if {@code register} was read. */
    public boolean contains(Register register) {
        return words.containsKey(register) || bits.containsKey(register);
    }

    /** The engineering value of a number register (raw × scale); a bit gives 0 or 1. */
    public OptionalDouble number(Register register) {
        if (register.type() == RegisterType.BOOL) {
            return OptionalDouble.of(bit(register) ? 1 : 0);
        }
        return RegisterCodec.decodeNumber(register, words(register), 0);
    }

    /** The raw (unscaled) integer of an integer register. */
    public OptionalLong raw(Register register) {
        return RegisterCodec.decodeRaw(register, words(register), 0);
    }

    /** The text of a string register. */
    public String text(Register register) {
        return RegisterCodec.decodeString(register, words(register), 0);
    }

    /** A coil or discrete input. */
    public boolean bit(Register register) {
        Boolean value = bits.get(register);
        if (value == null) {
            throw new IllegalArgumentException(register.name() + " was not read");
        }
        return value;
    }

    /** The register's words as read (a copy). */
    public int[] words(Register register) {
        int[] w = words.get(register);
        if (w == null) {
            throw new IllegalArgumentException(register.name() + " was not read");
        }
        return w.clone();
    }

    /** Every register read, decoded for display (numbers, texts, booleans; empty when not available). */
    public Map<String, Optional<Object>> decoded() {
        Map<String, Optional<Object>> result = new LinkedHashMap<>();
        words.forEach((r, w) -> result.put(r.name(), RegisterCodec.decode(r, w, 0)));
        bits.forEach((r, b) -> result.put(r.name(), Optional.of(b)));
        return result;
    }

    @Override
    public String toString() {
        return "RegisterValues" + decoded() + " at " + readAt;
    }
}
