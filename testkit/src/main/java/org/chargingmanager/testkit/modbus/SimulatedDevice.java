package org.chargingmanager.testkit.modbus;

import java.time.Duration;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.chargingmanager.modbus.ModbusTable;
import org.chargingmanager.modbus.protocol.DeviceProtocol;
import org.chargingmanager.modbus.protocol.Register;
import org.chargingmanager.modbus.protocol.RegisterCodec;
import org.chargingmanager.modbus.protocol.RegisterType;

/**
 * One simulated device (unit ID) of a {@link ModbusTcpSimulator}. Its registers are set and read through
 * {@link Register} definitions (or by name in its protocol), so a test never repeats raw addresses. Every address of
 * the protocol's registers is "mapped"; other addresses answer 0 unless the simulator is strict
 * ({@link ModbusTcpSimulator#strictAddresses}), then exception 2 like a real device.
 */
public final class SimulatedDevice {

    /** How the device answers. */
    public enum Behaviour {
        /** Answers every request. */
        NORMAL,
        /** Never answers (the request is read and dropped): the master times out. */
        SILENT,
        /** Answers every request with the exception code set by {@link #answerWithException}. */
        EXCEPTION,
        /** Answers with a frame whose byte count does not fit the request (one register too few). */
        MALFORMED
    }

    private final int unitId;
    private final DeviceProtocol protocol;
    private final int[] holding = new int[65536];
    private final int[] input = new int[65536];
    private final boolean[] coils = new boolean[65536];
    private final boolean[] discrete = new boolean[65536];
    private final boolean[][] mapped = new boolean[4][65536];
    private final Map<Integer, AtomicInteger> writesByAddress = new ConcurrentHashMap<>();
    private final Set<Register> rebooting = ConcurrentHashMap.newKeySet();
    private final AtomicInteger requests = new AtomicInteger();
    private volatile Behaviour behaviour = Behaviour.NORMAL;
    private volatile int exceptionCode = 4;
    private volatile Duration delay = Duration.ZERO;

    SimulatedDevice(int unitId, DeviceProtocol protocol) {
        this.unitId = unitId;
        this.protocol = protocol;
        for (Register r : protocol.registers()) {
            for (int a = r.address(); a < r.endAddress(); a++) {
                mapped[r.table().ordinal()][a] = true;
            }
        }
    }

    public int unitId() {
        return unitId;
    }

    public DeviceProtocol protocol() {
        return protocol;
    }

    /** The protocol's register called {@code name}. */
    public Register register(String name) {
        return protocol.require(name);
    }

    // ---- values ----

    /** Sets an engineering value (encoded with the register's type, word order and scale). */
    public SimulatedDevice set(Register register, double value) {
        if (register.type() == RegisterType.BOOL) {
            return set(register, value != 0);
        }
        return setWords(register, RegisterCodec.encodeNumber(register, value));
    }

    public SimulatedDevice set(String registerName, double value) {
        return set(register(registerName), value);
    }

    public SimulatedDevice set(Register register, boolean value) {
        if (register.type() != RegisterType.BOOL) {
            return setWords(register, RegisterCodec.encodeRaw(register, value ? 1 : 0));
        }
        synchronized (this) {
            (register.table() == ModbusTable.COILS ? coils : discrete)[register.address()] = value;
        }
        return this;
    }

    public SimulatedDevice setText(Register register, String text) {
        return setWords(register, RegisterCodec.encodeString(register, text));
    }

    /** Sets the raw words (garbage, odd encodings). */
    public synchronized SimulatedDevice setWords(Register register, int... words) {
        if (words.length != register.words()) {
            throw new IllegalArgumentException(register.name() + " has " + register.words() + " words, not "
                    + words.length);
        }
        int[] table = registerTable(register.table());
        for (int i = 0; i < words.length; i++) {
            table[register.address() + i] = words[i] & 0xFFFF;
        }
        return this;
    }

    /** Sets the type's "not available" marker: NaN, 0xFFFF, 0xFFFFFFFF, ... */
    public SimulatedDevice setNotAvailable(Register register) {
        return setWords(register, RegisterCodec.notAvailable(register));
    }

    /** The register's current words (what the master wrote, or what the test set). */
    public synchronized int[] words(Register register) {
        int[] table = registerTable(register.table());
        int[] words = new int[register.words()];
        System.arraycopy(table, register.address(), words, 0, words.length);
        return words;
    }

    /** The engineering value the register holds now; empty for "not available". */
    public OptionalDouble number(Register register) {
        if (register.type() == RegisterType.BOOL) {
            return OptionalDouble.of(bit(register) ? 1 : 0);
        }
        return RegisterCodec.decodeNumber(register, words(register), 0);
    }

    public String text(Register register) {
        return RegisterCodec.decodeString(register, words(register), 0);
    }

    public synchronized boolean bit(Register register) {
        return (register.table() == ModbusTable.COILS ? coils : discrete)[register.address()];
    }

    /** How many write requests started at the register's address. */
    public int writeCount(Register register) {
        AtomicInteger n = writesByAddress.get(key(register.table(), register.address()));
        return n == null ? 0 : n.get();
    }

    /** Requests this unit ID received (answered or not). */
    public int requestCount() {
        return requests.get();
    }

    // ---- faults ----

    public SimulatedDevice answerNormally() {
        behaviour = Behaviour.NORMAL;
        delay = Duration.ZERO;
        return this;
    }

    /** Reads requests and never answers them. */
    public SimulatedDevice stopAnswering() {
        behaviour = Behaviour.SILENT;
        return this;
    }

    /** Answers every request with Modbus exception {@code code} (e.g. 2 illegal address, 4 device failure). */
    public SimulatedDevice answerWithException(int code) {
        exceptionCode = code;
        behaviour = Behaviour.EXCEPTION;
        return this;
    }

    /** Answers reads with a frame that carries one register fewer than asked for. */
    public SimulatedDevice answerMalformed() {
        behaviour = Behaviour.MALFORMED;
        return this;
    }

    /** Answers after {@code delay} (the simulator's connection thread waits; other connections go on). */
    public SimulatedDevice delayAnswers(Duration answerDelay) {
        delay = answerDelay;
        return this;
    }

    /**
     * The device reboots: until {@link #finishReboot()}, the given registers read as 0 (a meter that reports 0 Wh
     * until it has loaded its counter), whatever they hold.
     */
    public SimulatedDevice startReboot(Register... zeroedWhileBooting) {
        rebooting.addAll(java.util.List.of(zeroedWhileBooting));
        return this;
    }

    public SimulatedDevice finishReboot() {
        rebooting.clear();
        return this;
    }

    // ---- used by the simulator ----

    Behaviour behaviour() {
        return behaviour;
    }

    int exceptionCode() {
        return exceptionCode;
    }

    Duration delay() {
        return delay;
    }

    void countRequest() {
        requests.incrementAndGet();
    }

    boolean mapped(ModbusTable table, int address, int count) {
        for (int a = address; a < address + count; a++) {
            if (a > 0xFFFF || !mapped[table.ordinal()][a]) {
                return false;
            }
        }
        return true;
    }

    synchronized int[] readWords(ModbusTable table, int address, int count) {
        int[] source = registerTable(table);
        int[] result = new int[count];
        System.arraycopy(source, address, result, 0, count);
        for (Register r : rebooting) {
            if (r.table() != table) {
                continue;
            }
            for (int a = Math.max(address, r.address()); a < Math.min(address + count, r.endAddress()); a++) {
                result[a - address] = 0;
            }
        }
        return result;
    }

    synchronized boolean[] readBits(ModbusTable table, int address, int count) {
        boolean[] source = table == ModbusTable.COILS ? coils : discrete;
        boolean[] result = new boolean[count];
        System.arraycopy(source, address, result, 0, count);
        return result;
    }

    synchronized void writeWords(int address, int[] words) {
        System.arraycopy(words, 0, holding, address, words.length);
        writesByAddress.computeIfAbsent(key(ModbusTable.HOLDING_REGISTERS, address), k -> new AtomicInteger())
                .incrementAndGet();
    }

    synchronized void writeBits(int address, boolean[] bits) {
        System.arraycopy(bits, 0, coils, address, bits.length);
        writesByAddress.computeIfAbsent(key(ModbusTable.COILS, address), k -> new AtomicInteger()).incrementAndGet();
    }

    private int[] registerTable(ModbusTable table) {
        return switch (table) {
            case HOLDING_REGISTERS -> holding;
            case INPUT_REGISTERS -> input;
            default -> throw new IllegalArgumentException(table + " holds bits");
        };
    }

    private static int key(ModbusTable table, int address) {
        return table.ordinal() << 16 | address;
    }
}
