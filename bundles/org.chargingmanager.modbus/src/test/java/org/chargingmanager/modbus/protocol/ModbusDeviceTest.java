package org.chargingmanager.modbus.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.chargingmanager.modbus.ModbusException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ModbusDeviceTest {

    static final Register ENERGY = Register.holding("energy", 8058, RegisterType.U64).withUnit("Wh");
    static final Register POWER = Register.holding("power", 8062, RegisterType.U32).withUnit("W");
    static final Register LIMIT = Register.holding("charging_cur_limit", 8093, RegisterType.U16).withScale(0.1)
            .withUnit("A").writable(WritePolicy.ON_CHANGE_ONLY);
    static final Register ENABLE = Register.holding("charging_enable", 8094, RegisterType.U16)
            .writable(WritePolicy.EVERY_WRITE);
    static final Register SLAVE_ID = Register.holding("slave_id", 8040, RegisterType.U16)
            .writable(WritePolicy.FLASH_BACKED);
    static final Register NAME = Register.holdingString("name", 8016, 16).notPolled();
    static final Register RELAY = Register.coil("relay", 5).writable(WritePolicy.minInterval(Duration.ofSeconds(10)));
    static final Register WIDE = Register.holding("wide", 8200, RegisterType.U32).withMultipleWrite()
            .writable(WritePolicy.EVERY_WRITE);
    static final DeviceProtocol PROTOCOL = DeviceProtocol.of("test", ENERGY, POWER, LIMIT, ENABLE, SLAVE_ID, NAME,
            RELAY, WIDE).withMaxGap(30);

    static final class TestClock extends Clock {
        Instant now = Instant.parse("2026-01-01T00:00:00Z");

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    FakeLine line;
    TestClock clock;
    ModbusDevice device;

    @BeforeEach
    void setUp() {
        line = new FakeLine();
        clock = new TestClock();
        device = new ModbusDevice(line, 1, PROTOCOL, Duration.ofSeconds(1), clock);
    }

    @Test
    void readsThePollPlanAndDecodes() throws ModbusException {
        line.holding[8061] = 1000;
        line.holding[8063] = 7400;
        line.holding[8093] = 160;
        line.coils[5] = true;
        RegisterValues values = device.read();
        assertThat(line.requests).containsExactly("read 1 5+1", "read 3 8040+55", "read 3 8200+2");
        assertThat(values.number(ENERGY)).hasValue(1000);
        assertThat(values.number(POWER)).hasValue(7400);
        assertThat(values.number(LIMIT).getAsDouble()).isEqualTo(16.0);
        assertThat(values.bit(RELAY)).isTrue();
        assertThat(values.contains(NAME)).isFalse();
        assertThat(values.readAt()).isEqualTo(clock.now);
    }

    @Test
    void notAvailableValuesAreEmpty() throws ModbusException {
        java.util.Arrays.fill(line.holding, 8058, 8064, 0xFFFF);
        RegisterValues values = device.read();
        assertThat(values.number(ENERGY)).isEmpty();
        assertThat(values.number(POWER)).isEmpty();
    }

    @Test
    void aFailedBlockFailsTheWholeRead() {
        line.failNext = ModbusException.exceptionResponse(2, "illegal address");
        assertThatThrownBy(device::read).isInstanceOf(ModbusException.class)
                .satisfies(e -> assertThat(((ModbusException) e).exceptionCode()).isEqualTo(2));
    }

    @Test
    void explicitReadOfANotPolledRegister() throws ModbusException {
        int[] words = RegisterCodec.encodeString(NAME, "cFos Power Brain");
        System.arraycopy(words, 0, line.holding, 8016, words.length);
        assertThat(device.read(java.util.List.of(NAME)).text(NAME)).isEqualTo("cFos Power Brain");
    }

    @Test
    void onChangeOnlyWritesChangesAndAgainAfterForget() throws ModbusException {
        assertThat(device.write(LIMIT, 16)).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(device.write(LIMIT, 16.01)).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(device.write(LIMIT, 10)).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(line.holding[8093]).isEqualTo(100);
        device.forgetWrittenValues();
        assertThat(device.write(LIMIT, 10)).isEqualTo(WriteOutcome.WRITTEN);
        assertThat(line.requests).containsExactly("write 6 8093=160", "write 6 8093=100", "write 6 8093=100");
    }

    @Test
    void aFailedWriteIsRepeatedNextTime() throws ModbusException {
        line.failNext = new ModbusException(ModbusException.Kind.TIMEOUT, "no answer");
        assertThatThrownBy(() -> device.write(LIMIT, 16)).isInstanceOf(ModbusException.class);
        assertThat(device.write(LIMIT, 16)).isEqualTo(WriteOutcome.WRITTEN);
    }

    @Test
    void everyWriteAlwaysWrites() throws ModbusException {
        device.write(ENABLE, true);
        device.write(ENABLE, true);
        assertThat(line.requests).containsExactly("write 6 8094=1", "write 6 8094=1");
    }

    @Test
    void flashBackedSkipsTheValueTheDeviceHoldsAndKeepsItsIntervalAndAForget() throws ModbusException {
        line.holding[8040] = 1;
        device.read();
        assertThat(device.write(SLAVE_ID, 1)).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(device.write(SLAVE_ID, 2)).isEqualTo(WriteOutcome.WRITTEN);
        device.forgetWrittenValues();
        assertThat(device.write(SLAVE_ID, 2)).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(device.write(SLAVE_ID, 3)).isEqualTo(WriteOutcome.DEFERRED);
        clock.now = clock.now.plusSeconds(59);
        assertThat(device.flush()).isZero();
        clock.now = clock.now.plusSeconds(1);
        assertThat(device.flush()).isEqualTo(1);
        assertThat(line.holding[8040]).isEqualTo(3);
        assertThat(line.requests.stream().filter(r -> r.startsWith("write"))).hasSize(2);
    }

    @Test
    void minIntervalDefersAndTheLatestValueWins() throws ModbusException {
        assertThat(device.write(RELAY, true)).isEqualTo(WriteOutcome.WRITTEN);
        clock.now = clock.now.plusSeconds(1);
        assertThat(device.write(RELAY, false)).isEqualTo(WriteOutcome.DEFERRED);
        assertThat(device.hasPendingWrites()).isTrue();
        assertThat(device.write(RELAY, true)).isEqualTo(WriteOutcome.UNCHANGED);
        assertThat(device.hasPendingWrites()).isFalse();
        assertThat(device.write(RELAY, false)).isEqualTo(WriteOutcome.DEFERRED);
        clock.now = clock.now.plusSeconds(9);
        assertThat(device.flush()).isEqualTo(1);
        assertThat(line.coils[5]).isFalse();
        assertThat(line.requests).containsExactly("write 5 5=true", "write 5 5=false");
    }

    @Test
    void multiWordAndForcedMultipleWritesUseFunction16() throws ModbusException {
        device.write(WIDE, 70000);
        assertThat(line.requests).containsExactly("write 16 8200=[1, 4464]");
    }

    @Test
    void readOnlyRegistersCannotBeWritten() {
        assertThatThrownBy(() -> device.write(POWER, 1)).isInstanceOf(IllegalArgumentException.class);
    }
}
