package org.chargingmanager.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

import org.chargingmanager.modbus.ModbusEndpoint;
import org.chargingmanager.modbus.ModbusException.Kind;
import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.ModbusTable;
import org.junit.jupiter.api.Test;

import com.ghgande.j2mod.modbus.msg.ModbusRequest;
import com.ghgande.j2mod.modbus.msg.ModbusResponse;
import com.ghgande.j2mod.modbus.msg.ReadMultipleRegistersResponse;
import com.ghgande.j2mod.modbus.msg.WriteSingleRegisterResponse;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/** Reference counting and the checks of an answer, with a scripted transport instead of a socket. */
class J2modLinesTest {

    static final Duration TIMEOUT = Duration.ofSeconds(1);

    /** Answers with whatever the test put into {@code next}. */
    static final class ScriptedTransport implements Transport {
        final List<String> log = new ArrayList<>();
        Function<ModbusRequest, ModbusResponse> next;
        boolean open;

        @Override
        public boolean isOpen() {
            return open;
        }

        @Override
        public void open(int timeoutMillis) {
            log.add("open");
            open = true;
        }

        @Override
        public ModbusResponse execute(ModbusRequest request, int timeoutMillis) {
            return next.apply(request);
        }

        @Override
        public void close() {
            if (open) {
                log.add("close");
            }
            open = false;
        }

        @Override
        public Kind classify(com.ghgande.j2mod.modbus.ModbusIOException failure) {
            return Transport.saysTimeout(failure) ? Kind.TIMEOUT : Kind.CONNECTION_LOST;
        }

        @Override
        public boolean closeAfter(Kind kind) {
            return true;
        }
    }

    final List<ScriptedTransport> transports = new ArrayList<>();
    final J2modLines lines = new J2modLines(Clock.systemUTC(), Duration.ofSeconds(1), Duration.ofSeconds(4), e -> {
        ScriptedTransport t = new ScriptedTransport();
        transports.add(t);
        return t;
    });

    static ModbusResponse registers(int unitId, int... values) {
        Register[] r = new Register[values.length];
        for (int i = 0; i < values.length; i++) {
            r[i] = new SimpleRegister(values[i]);
        }
        ReadMultipleRegistersResponse response = new ReadMultipleRegistersResponse(r);
        response.setUnitID(unitId);
        return response;
    }

    @Test
    void oneTransportPerEndpointClosedWithTheLastHandle() throws ModbusException {
        ModbusEndpoint.Tcp endpoint = new ModbusEndpoint.Tcp("Device.local", 502);
        ModbusLine a = lines.open(endpoint);
        ModbusLine b = lines.open(new ModbusEndpoint.Tcp("device.local", 502));
        ModbusLine other = lines.open(new ModbusEndpoint.Tcp("device.local", 503));
        assertThat(transports).hasSize(2);
        transports.get(0).next = req -> registers(req.getUnitID(), 7);
        assertThat(a.readRegisters(3, ModbusTable.HOLDING_REGISTERS, 0, 1, TIMEOUT)).containsExactly(7);
        a.close();
        assertThat(transports.get(0).log).containsExactly("open");
        b.close();
        assertThat(transports.get(0).log).containsExactly("open", "close");
        assertThat(lines.openEndpoints()).containsExactly(other.endpoint());
        lines.close();
        assertThatThrownBy(() -> other.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 0, 1, TIMEOUT))
                .isInstanceOfSatisfying(ModbusException.class, e -> assertThat(e.kind()).isEqualTo(Kind.CLOSED));
    }

    @Test
    void answersThatDoNotFitTheRequestAreInvalid() {
        ModbusLine line = lines.open(new ModbusEndpoint.Tcp("127.0.0.1", 502));
        ScriptedTransport t = transports.get(0);

        t.next = req -> registers(9, 1, 2); // another unit
        assertThat(kind(() -> line.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 0, 2, TIMEOUT)))
                .isEqualTo(Kind.INVALID_RESPONSE);
        t.next = req -> registers(1, 1); // too few registers
        assertThat(kind(() -> line.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 0, 2, TIMEOUT)))
                .isEqualTo(Kind.INVALID_RESPONSE);
        t.next = req -> {
            WriteSingleRegisterResponse w = new WriteSingleRegisterResponse(0, 1);
            w.setUnitID(1);
            return w;
        }; // another function
        assertThat(kind(() -> line.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 0, 2, TIMEOUT)))
                .isEqualTo(Kind.INVALID_RESPONSE);
        t.next = req -> {
            throw new IllegalStateException("j2mod could not parse it");
        };
        assertThat(kind(() -> line.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 0, 2, TIMEOUT)))
                .isEqualTo(Kind.INVALID_RESPONSE);
        assertThat(t.log).endsWith("close"); // a garbled stream is not trusted further
    }

    @Test
    void badArgumentsAreRefusedBeforeAnythingIsSent() {
        ModbusLine line = lines.open(new ModbusEndpoint.Tcp("127.0.0.1", 502));
        assertThatThrownBy(() -> line.readRegisters(1, ModbusTable.HOLDING_REGISTERS, 0, 126, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line.readRegisters(1, ModbusTable.COILS, 0, 1, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line.readRegisters(256, ModbusTable.HOLDING_REGISTERS, 0, 1, TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> line.writeRegisters(1, 65535, new int[2], TIMEOUT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(transports.get(0).log).isEmpty();
    }

    interface Call {
        Object call() throws ModbusException;
    }

    static Kind kind(Call call) {
        try {
            call.call();
        } catch (ModbusException e) {
            return e.kind();
        }
        throw new AssertionError("no ModbusException");
    }
}
