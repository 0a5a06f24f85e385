package org.chargingmanager.modbus.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.chargingmanager.modbus.ModbusTable;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class BlockPlannerPropertiesTest {

    private static final RegisterType[] NUMBERS = {RegisterType.U16, RegisterType.S32, RegisterType.U64,
            RegisterType.F32, RegisterType.STRING};

    @Provide
    Arbitrary<List<Register>> registers() {
        Arbitrary<Register> one = Combinators.combine(Arbitraries.of(ModbusTable.values()),
                Arbitraries.integers().between(0, 3000), Arbitraries.of(NUMBERS),
                Arbitraries.integers().between(1, 40))
                .as((table, address, type, length) -> {
                    if (table.bits()) {
                        return table == ModbusTable.COILS ? Register.coil("c", address)
                                : Register.discreteInput("d", address);
                    }
                    if (type == RegisterType.STRING) {
                        return table == ModbusTable.HOLDING_REGISTERS ? Register.holdingString("s", address, length)
                                : Register.inputString("s", address, length);
                    }
                    return table == ModbusTable.HOLDING_REGISTERS ? Register.holding("h", address, type)
                            : Register.input("i", address, type);
                });
        return one.list().ofMaxSize(60);
    }

    @Property
    void blocksCoverExactlyTheRequestedRegisters(@ForAll("registers") List<Register> registers,
            @ForAll @IntRange(max = 30) int maxGap, @ForAll @IntRange(min = 40, max = 125) int maxBlock) {
        List<ReadBlock> blocks = BlockPlanner.plan(registers, maxGap, maxBlock);

        // every register lies wholly in exactly one block of its table, and is listed there
        for (Register r : registers) {
            long containing = blocks.stream().filter(b -> b.table() == r.table() && b.startAddress() <= r.address()
                    && r.endAddress() <= b.endAddress() && b.registers().contains(r)).count();
            assertThat(containing).as("blocks listing %s", r).isEqualTo(1);
        }
        List<Register> listed = new ArrayList<>();
        blocks.forEach(b -> listed.addAll(b.registers()));
        assertThat(listed).hasSameSizeAs(registers).containsExactlyInAnyOrderElementsOf(registers);

        for (ReadBlock b : blocks) {
            int limit = b.table().bits() ? Math.min(2000, maxBlock * 16) : maxBlock;
            assertThat(b.count()).isBetween(1, limit);
            // starts at its first register and ends with its last: no address read beyond them
            assertThat(b.startAddress()).isEqualTo(b.registers().stream().mapToInt(Register::address).min().orElseThrow());
            assertThat(b.endAddress()).isEqualTo(b.registers().stream().mapToInt(Register::endAddress).max().orElseThrow());
            // no gap inside a block is longer than maxGap
            List<Register> sorted = new ArrayList<>(b.registers());
            sorted.sort(Comparator.comparingInt(Register::address));
            int covered = sorted.get(0).endAddress();
            for (Register r : sorted) {
                assertThat(r.address() - covered).isLessThanOrEqualTo(maxGap);
                covered = Math.max(covered, r.endAddress());
            }
        }
        // blocks of one table do not overlap (unless registers do), and neighbours could not have been merged
        for (ModbusTable table : ModbusTable.values()) {
            List<ReadBlock> own = blocks.stream().filter(b -> b.table() == table)
                    .sorted(Comparator.comparingInt(ReadBlock::startAddress)).toList();
            for (int i = 1; i < own.size(); i++) {
                ReadBlock before = own.get(i - 1);
                ReadBlock after = own.get(i);
                if (after.startAddress() < before.endAddress()) {
                    // blocks overlap only where registers overlap each other
                    boolean registersOverlap = after.registers().stream().anyMatch(a -> before.registers().stream()
                            .anyMatch(b -> a.address() < b.endAddress() && b.address() < a.endAddress()));
                    assertThat(registersOverlap).as("%s overlaps %s", after, before).isTrue();
                    continue;
                }
                int limit = table.bits() ? Math.min(2000, maxBlock * 16) : maxBlock;
                boolean mergeable = after.startAddress() - before.endAddress() <= maxGap
                        && after.endAddress() - before.startAddress() <= limit;
                assertThat(mergeable).as("%s and %s could be one read", before, after).isFalse();
            }
        }
    }

    @Property
    void planningIsDeterministicAndIgnoresOrder(@ForAll("registers") List<Register> registers) {
        List<Register> reversed = new ArrayList<>(registers);
        java.util.Collections.reverse(reversed);
        List<ReadBlock> a = BlockPlanner.plan(registers, 8, 125);
        List<ReadBlock> b = BlockPlanner.plan(reversed, 8, 125);
        assertThat(a.stream().map(x -> x.table() + ":" + x.startAddress() + "+" + x.count()).toList())
                .isEqualTo(b.stream().map(x -> x.table() + ":" + x.startAddress() + "+" + x.count()).toList());
    }
}
