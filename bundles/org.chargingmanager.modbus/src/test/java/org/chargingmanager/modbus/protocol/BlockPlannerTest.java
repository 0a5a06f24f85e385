package org.chargingmanager.modbus.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.chargingmanager.modbus.ModbusTable;
import org.junit.jupiter.api.Test;

class BlockPlannerTest {

    static final List<Register> CFOS_EVSE = List.of(
            Register.holding("meter_flags", 8057, RegisterType.U16),
            Register.holding("energy", 8058, RegisterType.U64).withUnit("Wh"),
            Register.holding("power", 8062, RegisterType.U32).withUnit("W"),
            Register.holding("current.l1", 8064, RegisterType.U32).withScale(0.1).withUnit("A"),
            Register.holding("current.l2", 8066, RegisterType.U32).withScale(0.1).withUnit("A"),
            Register.holding("current.l3", 8068, RegisterType.U32).withScale(0.1).withUnit("A"),
            Register.holding("state", 8092, RegisterType.U16),
            Register.holding("charging_cur_limit", 8093, RegisterType.U16).withScale(0.1),
            Register.holding("charging_enable", 8094, RegisterType.U16),
            Register.holding("meter_attached", 8112, RegisterType.U16));

    @Test
    void aCfosLikeMapIsOneReadWithTheDefaultGapAndFourWithout() {
        List<ReadBlock> wide = BlockPlanner.plan(CFOS_EVSE, 30, 125);
        assertThat(wide).hasSize(1);
        assertThat(wide.get(0).startAddress()).isEqualTo(8057);
        assertThat(wide.get(0).count()).isEqualTo(8113 - 8057);

        List<ReadBlock> strict = BlockPlanner.plan(CFOS_EVSE, 0, 125);
        assertThat(strict).extracting(ReadBlock::startAddress).containsExactly(8057, 8092, 8112);
        assertThat(strict).extracting(ReadBlock::count).containsExactly(13, 3, 1);
    }

    @Test
    void blocksAreSplitAtTheSizeLimit() {
        List<Register> many = new java.util.ArrayList<>();
        for (int i = 0; i < 100; i++) {
            many.add(Register.input("r" + i, 2 * i, RegisterType.F32));
        }
        List<ReadBlock> blocks = BlockPlanner.plan(many, 0, 125);
        assertThat(blocks).extracting(ReadBlock::count).containsExactly(124, 76);
        assertThat(blocks).allMatch(b -> b.table() == ModbusTable.INPUT_REGISTERS);
    }

    @Test
    void tablesAreNeverMixed() {
        List<ReadBlock> blocks = BlockPlanner.plan(List.of(Register.holding("h", 0, RegisterType.U16),
                Register.input("i", 1, RegisterType.U16), Register.coil("c", 2)), 10, 125);
        assertThat(blocks).extracting(ReadBlock::table).containsExactly(ModbusTable.COILS,
                ModbusTable.HOLDING_REGISTERS, ModbusTable.INPUT_REGISTERS);
    }
}
