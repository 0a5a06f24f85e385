package org.chargingmanager.benchmarks.modbus;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

import org.chargingmanager.modbus.ModbusException;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.protocol.ModbusDevice;
import org.chargingmanager.testkit.modbus.ModbusTcpSimulator;
import org.chargingmanager.testkit.modbus.ModbusTestKit;
import org.chargingmanager.testkit.modbus.SampleProtocols.Wallbox;
import org.chargingmanager.testkit.modbus.SimulatedDevice;

/**
 * The poll cycle of N cFos-like wallboxes (unit IDs 1..N) on one Modbus TCP line to the test kit's simulator on
 * loopback: each cycle reads every device's polled registers (two block reads: 8000 and 8057..8094) and sets its
 * current limit (ON_CHANGE_ONLY, so only a changed limit is sent: every 10th cycle changes it). Then the same with
 * one device silent (timeout 500 ms), to show what one dead device costs the line.
 *
 * <p>Arguments: devices, warm-up cycles, measured cycles.
 */
public final class PollCycleBenchmark {

    public static void main(String[] args) throws Exception {
        int devices = args.length > 0 ? Integer.parseInt(args[0]) : 50;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int cycles = args.length > 2 ? Integer.parseInt(args[2]) : 500;
        Duration timeout = Duration.ofMillis(500);

        try (ModbusTcpSimulator slave = ModbusTcpSimulator.start();
                ModbusTestKit.LinesForTest lines = ModbusTestKit.lines(Clock.systemUTC())) {
            for (int unit = 1; unit <= devices; unit++) {
                SimulatedDevice d = slave.device(unit, Wallbox.PROTOCOL);
                d.set(Wallbox.VENDOR_ID, 0xCF05).set(Wallbox.ENERGY, 1_000_000L + unit).set(Wallbox.POWER, 11_000)
                        .set(Wallbox.CURRENT_L1, 16).set(Wallbox.CURRENT_L2, 16).set(Wallbox.CURRENT_L3, 16)
                        .set(Wallbox.STATE, 2);
            }
            ModbusLine line = lines.open(slave.endpoint());
            List<ModbusDevice> all = new ArrayList<>();
            for (int unit = 1; unit <= devices; unit++) {
                all.add(new ModbusDevice(line, unit, Wallbox.PROTOCOL, timeout, Clock.systemUTC()));
            }
            int requestsPerCycle = all.get(0).pollPlan().size() * devices;

            for (int i = 0; i < warmup; i++) {
                cycle(all, i);
            }
            long[] nanos = new long[cycles];
            int before = slave.device(1).requestCount();
            for (int i = 0; i < cycles; i++) {
                long start = System.nanoTime();
                cycle(all, warmup + i);
                nanos[i] = System.nanoTime() - start;
            }
            int perDevice = (slave.device(1).requestCount() - before) / cycles;
            report("all " + devices + " answering", nanos, requestsPerCycle, perDevice);

            slave.device(devices / 2).stopAnswering();
            int silentCycles = Math.max(5, cycles / 50);
            long[] withSilent = new long[silentCycles];
            int failures = 0;
            for (int i = 0; i < silentCycles; i++) {
                long start = System.nanoTime();
                failures += cycle(all, 0);
                withSilent[i] = System.nanoTime() - start;
            }
            report("one of " + devices + " silent (timeout " + timeout.toMillis() + " ms), failed reads per cycle "
                    + failures / silentCycles, withSilent, requestsPerCycle, perDevice);
            System.out.printf(Locale.ROOT, "connections accepted by the simulator: %d%n", slave.connectionsAccepted());
        }
    }

    /** One poll cycle; returns the number of devices whose read failed. */
    private static int cycle(List<ModbusDevice> devices, int cycle) {
        int failed = 0;
        for (ModbusDevice d : devices) {
            try {
                d.read();
                d.write(Wallbox.CURRENT_LIMIT, 6 + (cycle / 10) % 10);
            } catch (ModbusException e) {
                failed++;
            }
        }
        return failed;
    }

    private static void report(String what, long[] nanos, int requestsPerCycle, int perDevice) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        double mean = Arrays.stream(sorted).average().orElse(0) / 1e6;
        System.out.printf(Locale.ROOT,
                "Modbus poll cycle, %s: %d cycles, %d block reads per cycle (+ a limit write every 10th cycle), "
                        + "%d requests per device per cycle%n"
                        + "  per cycle: median %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms, mean %.2f ms; "
                        + "per block read (mean) %.1f µs%n",
                what, nanos.length, requestsPerCycle, perDevice, ms(sorted, 0.5), ms(sorted, 0.9), ms(sorted, 0.99),
                sorted[sorted.length - 1] / 1e6, mean, mean * 1000 / requestsPerCycle);
    }

    private static double ms(long[] sorted, double quantile) {
        int index = (int) Math.min(sorted.length - 1, Math.ceil(quantile * sorted.length) - 1);
        return sorted[Math.max(index, 0)] / 1e6;
    }
}
