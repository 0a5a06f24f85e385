package org.chargingmanager.modbus.protocol;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import org.chargingmanager.modbus.ModbusTable;

/**
 * Groups registers into block reads: per table, by address, a register joins the current block if the unused
 * addresses before it are at most {@code maxGap} and the block stays within {@code maxBlock} registers (bit
 * tables: up to 2000 bits). Pure; the blocks cover exactly the addresses from each block's first register to its
 * last, and every register lies wholly in one block.
 */
public final class BlockPlanner {

    private BlockPlanner() {
    }

    /**
     * @param registers the registers to read (duplicates and overlaps allowed)
     * @param maxGap    unused addresses a block may span between registers (≥ 0)
     * @param maxBlock  most registers per block read (1..125); for bit tables the limit is scaled to bits
     *                  (maxBlock × 16, at most 2000)
     */
    public static List<ReadBlock> plan(Collection<Register> registers, int maxGap, int maxBlock) {
        if (maxGap < 0) {
            throw new IllegalArgumentException("negative gap: " + maxGap);
        }
        if (maxBlock < 1 || maxBlock > ModbusTable.MAX_READ_REGISTERS) {
            throw new IllegalArgumentException("block size must be 1..125: " + maxBlock);
        }
        Map<ModbusTable, List<Register>> byTable = new EnumMap<>(ModbusTable.class);
        for (Register r : registers) {
            byTable.computeIfAbsent(r.table(), t -> new ArrayList<>()).add(r);
        }
        List<ReadBlock> blocks = new ArrayList<>();
        for (Map.Entry<ModbusTable, List<Register>> entry : byTable.entrySet()) {
            ModbusTable table = entry.getKey();
            int limit = table.bits() ? Math.min(ModbusTable.MAX_READ_BITS, maxBlock * 16) : maxBlock;
            List<Register> sorted = new ArrayList<>(entry.getValue());
            sorted.sort(Comparator.comparingInt(Register::address).thenComparingInt(Register::endAddress)
                    .thenComparing(Register::name));
            int start = -1;
            int end = -1;
            List<Register> members = new ArrayList<>();
            for (Register r : sorted) {
                if (r.span() > limit) {
                    throw new IllegalArgumentException(r.name() + " is longer than a block of " + limit);
                }
                if (start >= 0 && r.address() - end <= maxGap && Math.max(end, r.endAddress()) - start <= limit) {
                    end = Math.max(end, r.endAddress());
                    members.add(r);
                    continue;
                }
                if (start >= 0) {
                    blocks.add(new ReadBlock(table, start, end - start, members));
                }
                start = r.address();
                end = r.endAddress();
                members = new ArrayList<>();
                members.add(r);
            }
            if (start >= 0) {
                blocks.add(new ReadBlock(table, start, end - start, members));
            }
        }
        return List.copyOf(blocks);
    }
}
