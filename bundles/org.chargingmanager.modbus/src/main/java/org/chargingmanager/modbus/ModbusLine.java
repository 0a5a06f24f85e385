package org.chargingmanager.modbus;

import java.time.Duration;

import org.osgi.annotation.versioning.ProviderType;

/**
 * One user's handle on a shared Modbus line. Requests of all handles on the line are executed one at a time, in
 * the order they arrive; each waits for the requests before it and then at most its own {@code timeout} for the
 * answer (connecting included). A request on one line never waits for another line.
 *
 * <p>Failures throw {@link ModbusException}; after a timeout or an I/O error the connection is closed (a late
 * answer could otherwise be taken for the next request's) and reopened by the next request. If connecting fails,
 * the line waits before it tries again (back-off, doubling up to a maximum); requests meanwhile fail at once
 * with {@link ModbusException.Kind#NOT_CONNECTED}.
 *
 * <p>Addresses are the 0-based protocol addresses (register 40001 of a data sheet is holding register 0).
 */
@ProviderType
public interface ModbusLine extends AutoCloseable {

    ModbusEndpoint endpoint();

    /** Reads {@code count} registers (FC 03 holding, FC 04 input); the words are 0..65535. */
    int[] readRegisters(int unitId, ModbusTable table, int address, int count, Duration timeout)
            throws ModbusException;

    /** Reads {@code count} bits (FC 01 coils, FC 02 discrete inputs). */
    boolean[] readBits(int unitId, ModbusTable table, int address, int count, Duration timeout)
            throws ModbusException;

    /** FC 06: writes one holding register (the low 16 bits of {@code value}). */
    void writeSingleRegister(int unitId, int address, int value, Duration timeout) throws ModbusException;

    /** FC 16: writes consecutive holding registers (1..123 words). */
    void writeRegisters(int unitId, int address, int[] words, Duration timeout) throws ModbusException;

    /** FC 05: writes one coil. */
    void writeCoil(int unitId, int address, boolean value, Duration timeout) throws ModbusException;

    /** FC 15: writes consecutive coils. */
    void writeCoils(int unitId, int address, boolean[] values, Duration timeout) throws ModbusException;

    /** True while the shared connection is open (for status pages; a request may still fail). */
    boolean connected();

    /**
     * Counts the connections made on this line so far (1 after the first connect). A driver that keeps
     * "written once" state can compare it to notice a reconnect.
     */
    long connectionCount();

    /** Releases this handle; the connection closes when the last handle on the line is closed. Idempotent. */
    @Override
    void close();
}
