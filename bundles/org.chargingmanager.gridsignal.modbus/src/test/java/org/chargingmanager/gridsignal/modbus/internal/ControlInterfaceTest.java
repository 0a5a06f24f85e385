package org.chargingmanager.gridsignal.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;

import org.chargingmanager.api.grid.GridSignals;
import org.chargingmanager.api.grid.GridSourceStatus;
import org.chargingmanager.api.grid.Restriction;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variable;
import org.chargingmanager.api.variables.VariableDefinition;
import org.chargingmanager.api.variables.Variables;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.ghgande.j2mod.modbus.ModbusSlaveException;
import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.Register;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;

/** The control interface against j2mod's Modbus TCP master, on loopback. */
class ControlInterfaceTest {

    private final AtomicInteger changes = new AtomicInteger();
    private ControlInterface.Source source;
    private ModbusTCPMaster master;

    @AfterEach
    void stop() {
        if (master != null) {
            master.disconnect();
        }
        if (source != null) {
            source.close();
        }
    }

    private final Variables variables = new Variables() {
        private final Map<String, Double> live = Map.of("evses.power", 7400.0, "grid.power", -1234.0);

        @Override
        public double evaluate(String expression) throws InvalidExpressionException {
            Double value = live.get(expression);
            if (value == null) {
                throw new InvalidExpressionException("unknown " + expression);
            }
            return value;
        }

        @Override
        public List<Variable> list() {
            return List.of();
        }

        @Override
        public Optional<Variable> get(String name) {
            return Optional.empty();
        }

        @Override
        public Variable set(String name, String expression) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void setAll(List<VariableDefinition> definitions, boolean clearFirst) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean remove(String name) {
            return false;
        }
    };

    private final GridSignals signals = new GridSignals() {
        @Override
        public void signalChanged(String sourceId) {
            changes.incrementAndGet();
        }

        @Override
        public List<GridSourceStatus> status() {
            return List.of();
        }

        @Override
        public List<Restriction> restrictions(Instant from, Instant to) {
            return List.of();
        }
    };

    private static ControlInterfaceConfig config(String... allowedClients) {
        return new ControlInterfaceConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return ControlInterfaceConfig.class;
            }

            @Override
            public int port() {
                return 0; // ephemeral in the test
            }

            @Override
            public String bindAddress() {
                return "127.0.0.1";
            }

            @Override
            public int unitId() {
                return 1;
            }

            @Override
            public String[] allowedClients() {
                return allowedClients;
            }

            @Override
            public String variable() {
                return "MODBUS_LIMIT";
            }

            @Override
            public String chargingPowerExpression() {
                return "evses.power";
            }

            @Override
            public String gridPowerExpression() {
                return "grid.power";
            }

            @Override
            public int lostAfterSeconds() {
                return 60;
            }

            @Override
            public double failsafeLimitPercent() {
                return 60;
            }

            @Override
            public int failsafeMinimumSeconds() {
                return 7200;
            }
        };
    }

    private ModbusTCPMaster connect() throws Exception {
        master = new ModbusTCPMaster("127.0.0.1", source.port(), 2000, false, false);
        master.connect();
        return master;
    }

    @Test
    void theBoxReadsTheBlockAndSetsALimitInPercent() throws Exception {
        source = ControlInterface.open(variables, signals, config(), java.time.Clock.systemUTC());
        ModbusTCPMaster box = connect();
        Register[] block = box.readMultipleRegisters(1, 40000, 16);
        assertThat(block[0].getValue()).isEqualTo(0x5375);
        assertThat(block[1].getValue()).isEqualTo(0x6E53);
        assertThat(block[2].getValue()).isEqualTo(64900);
        assertThat(block[3].getValue()).isEqualTo(10);
        assertThat(block[4].getValue() << 16 | block[5].getValue()).as("ChaW").isEqualTo(7400);
        assertThat((short) block[6].getValue() << 16 | block[7].getValue()).as("GridW").isEqualTo(-1234);
        assertThat(block[14].getValue()).isEqualTo(0xFFFF);
        assertThat(source.current(Instant.now()).value()).as("nothing written yet").isNaN();

        box.writeMultipleRegisters(1, ControlRegisters.LIMIT_PCT, new Register[] { new SimpleRegister(30),
                new SimpleRegister(1) });
        assertThat(source.current(Instant.now()).value()).isEqualTo(30);
        assertThat(source.current(Instant.now()).lastContact()).isNotNull();
        assertThat(changes.get()).isEqualTo(1);
        assertThat(box.readMultipleRegisters(1, ControlRegisters.LIMIT_PCT, 2)[0].getValue()).isEqualTo(30);

        box.writeSingleRegister(1, ControlRegisters.LIMIT_ENABLED, new SimpleRegister(0));
        assertThat(source.current(Instant.now()).value()).as("disabled: no limit").isEqualTo(100);
        box.writeSingleRegister(1, ControlRegisters.HEARTBEAT, new SimpleRegister(7));
        assertThat(changes.get()).isEqualTo(3);
    }

    @Test
    void badWritesAreRefusedWithTheModbusExceptionCodeAndChangeNothing() throws Exception {
        source = ControlInterface.open(variables, signals, config(), java.time.Clock.systemUTC());
        ModbusTCPMaster box = connect();
        box.writeMultipleRegisters(1, ControlRegisters.LIMIT_PCT, new Register[] { new SimpleRegister(50),
                new SimpleRegister(1) });
        assertThatThrownBy(() -> box.writeSingleRegister(1, ControlRegisters.LIMIT_PCT, new SimpleRegister(101)))
                .isInstanceOf(ModbusSlaveException.class)
                .satisfies(e -> assertThat(((ModbusSlaveException) e).getType()).isEqualTo(3));
        assertThatThrownBy(() -> box.writeSingleRegister(1, 40012, new SimpleRegister(0)))
                .isInstanceOf(ModbusSlaveException.class)
                .satisfies(e -> assertThat(((ModbusSlaveException) e).getType()).isEqualTo(2));
        // all or nothing: the valid first word of a write with a bad second word is not taken
        assertThatThrownBy(() -> box.writeMultipleRegisters(1, ControlRegisters.LIMIT_PCT,
                new Register[] { new SimpleRegister(10), new SimpleRegister(2) })).isInstanceOf(ModbusSlaveException.class);
        assertThatThrownBy(() -> box.readMultipleRegisters(1, 39990, 4)).isInstanceOf(ModbusSlaveException.class)
                .satisfies(e -> assertThat(((ModbusSlaveException) e).getType()).isEqualTo(2));
        assertThat(source.current(Instant.now()).value()).isEqualTo(50);
        // the connection survives refusals
        assertThat(box.readMultipleRegisters(1, ControlRegisters.LIMIT_PCT, 1)[0].getValue()).isEqualTo(50);
    }

    @Test
    void aClientNotOnTheAllowListIsRefused() throws Exception {
        source = ControlInterface.open(variables, signals, config("127.0.0.2"), java.time.Clock.systemUTC());
        master = new ModbusTCPMaster("127.0.0.1", source.port(), 1000, false, false);
        master.connect();
        assertThatThrownBy(() -> master.writeSingleRegister(1, ControlRegisters.LIMIT_PCT, new SimpleRegister(0)))
                .isInstanceOf(Exception.class);
        assertThat(source.current(Instant.now()).value()).as("nothing written").isNaN();
        assertThat(changes.get()).isZero();
    }

    @Test
    void aClientOnTheAllowListIsServed() throws Exception {
        source = ControlInterface.open(variables, signals, config("127.0.0.1"), java.time.Clock.systemUTC());
        connect().writeSingleRegister(1, ControlRegisters.LIMIT_ENABLED, new SimpleRegister(1));
        assertThat(source.current(Instant.now()).value()).as("enabled with the default 100 %").isEqualTo(100);
    }
}
