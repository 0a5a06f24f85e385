package org.chargingmanager.modbus.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.locks.ReentrantLock;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusException.Kind;
import org.chargingmanager.modbus.ModbusException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.ghgande.j2mod.modbus.ModbusIOException;
import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;

/**
 * The one connection of an endpoint, shared by every handle on it. Requests take a fair lock, so they run one
 * at a time in arrival order, each bounded by its own timeout; connecting happens inside a request (lazily)
 * and is rate-limited by a {@link Backoff}.
 */
final class SharedLine {

    private static final Logger LOG = LoggerFactory.getLogger(SharedLine.class);

    private final ModbusEndpoint endpoint;
    private final Transport transport;
    private final Clock clock;
    private final Backoff backoff;
    private final ReentrantLock lock = new ReentrantLock(true);
    private volatile boolean closed;
    private volatile boolean connected;
    private volatile long connections;
    private int users;
    private boolean failureLogged;

    SharedLine(ModbusEndpoint endpoint, Transport transport, Clock clock, Duration backoffInitial,
            Duration backoffMax) {
        this.endpoint = endpoint;
        this.transport = transport;
        this.clock = clock;
        this.backoff = new Backoff(backoffInitial, backoffMax);
    }

    ModbusEndpoint endpoint() {
        return endpoint;
    }

    /** Counted under the lines' monitor. */
    int addUser() {
        return ++users;
    }

    /** Counted under the lines' monitor. */
    int removeUser() {
        return --users;
    }

    boolean connected() {
        return connected;
    }

    long connectionCount() {
        return connections;
    }

    /**
     * Executes {@code request} for {@code unitId} and checks that the answer is the answer to it.
     */
    ModbusResponse execute(int unitId, ModbusRequest request, Duration timeout) throws ModbusException {
        int millis = (int) Math.max(1, Math.min(Integer.MAX_VALUE, timeout.toMillis()));
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ModbusException(Kind.CLOSED, endpoint + ": interrupted while waiting for the line", e);
        }
        try {
            if (closed) {
                throw new ModbusException(Kind.CLOSED, endpoint + " is closed");
            }
            ensureOpen(millis);
            request.setUnitID(unitId);
            ModbusResponse response;
            try {
                response = transport.execute(request, millis);
            } catch (ModbusSlaveException e) {
                throw ModbusException.exceptionResponse(e.getType(), endpoint + " unit " + unitId + ": exception "
                        + e.getType() + " for function " + request.getFunctionCode());
            } catch (ModbusIOException e) {
                throw ioFailure(unitId, e);
            } catch (com.ghgande.j2mod.modbus.ModbusException | RuntimeException e) {
                if (transport.closeAfter(Kind.INVALID_RESPONSE)) {
                    drop();
                }
                throw new ModbusException(Kind.INVALID_RESPONSE, endpoint + " unit " + unitId + ": " + e.getMessage(),
                        e);
            }
            if (response == null) {
                if (transport.closeAfter(Kind.INVALID_RESPONSE)) {
                    drop();
                }
                throw new ModbusException(Kind.INVALID_RESPONSE, endpoint + " unit " + unitId + ": no response");
            }
            if (response.getFunctionCode() != request.getFunctionCode()) {
                throw new ModbusException(Kind.INVALID_RESPONSE, endpoint + " unit " + unitId + ": answer to function "
                        + response.getFunctionCode() + " for a request of function " + request.getFunctionCode());
            }
            if (response.getUnitID() != unitId) {
                throw new ModbusException(Kind.INVALID_RESPONSE, endpoint + ": answer from unit "
                        + response.getUnitID() + " to a request for unit " + unitId);
            }
            return response;
        } finally {
            connected = transport.isOpen();
            lock.unlock();
        }
    }

    private void ensureOpen(int millis) throws ModbusException {
        if (transport.isOpen()) {
            return;
        }
        if (!backoff.mayTry(clock.instant())) {
            throw new ModbusException(Kind.NOT_CONNECTED, endpoint + ": not connected; next attempt at "
                    + backoff.notBefore());
        }
        try {
            transport.open(millis);
        } catch (Exception | LinkageError e) { // LinkageError: jSerialComm without its native library
            transport.close();
            backoff.failed(clock.instant());
            if (!failureLogged) {
                LOG.warn("Modbus {}: cannot connect ({}); retrying with back-off up to the configured maximum",
                        endpoint, e.toString());
                failureLogged = true;
            }
            throw new ModbusException(Kind.NOT_CONNECTED, endpoint + ": cannot connect: " + e.getMessage()
                    + "; next attempt in " + backoff.currentDelay().toMillis() + " ms", e);
        }
        backoff.succeeded();
        connections++;
        if (failureLogged) {
            LOG.info("Modbus {}: connected again", endpoint);
            failureLogged = false;
        }
    }

    private ModbusException ioFailure(int unitId, ModbusIOException e) {
        Kind kind = transport.classify(e);
        if (transport.closeAfter(kind)) {
            drop();
        }
        String what = kind == Kind.TIMEOUT ? "no answer in time" : String.valueOf(e.getMessage());
        return new ModbusException(kind, endpoint + " unit " + unitId + ": " + what, e);
    }

    private void drop() {
        transport.close();
    }

    /** Closes the connection for good (last user gone, or the service stops). */
    void shutdown() {
        closed = true;
        lock.lock();
        try {
            transport.close();
            connected = false;
        } finally {
            lock.unlock();
        }
    }
}
