package org.chargingmanager.benchmarks.drivers;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.chargingmanager.meter.shelly.internal.ShellyBench;
import org.chargingmanager.meter.sunspec.internal.SunSpecBench;
import org.chargingmanager.modbus.ModbusLine;
import org.chargingmanager.modbus.protocol.RegisterType;
import org.chargingmanager.testkit.goe.GoeSimulator;
import org.chargingmanager.testkit.keba.KebaSimulator;
import org.chargingmanager.testkit.modbus.ModbusTcpSimulator;
import org.chargingmanager.testkit.modbus.ModbusTestKit;
import org.chargingmanager.testkit.modbus.SimulatedDevice;
import org.chargingmanager.testkit.shelly.ShellySimulator;
import org.chargingmanager.testkit.sunspec.SunSpecImage;
import org.chargingmanager.wallbox.alfen.internal.AlfenBench;
import org.chargingmanager.wallbox.alfen.internal.AlfenRegisters;
import org.chargingmanager.wallbox.goe.internal.GoeBench;
import org.chargingmanager.wallbox.keba.internal.KebaBench;

/**
 * The poll cycle of 20 mixed devices: per kind {@code perKind} go-e (HTTP), Shelly Pro 3EM (HTTP with digest
 * authentication), Alfen sockets (Modbus TCP, one box each) and SunSpec inverters (Modbus TCP, unit IDs on one line),
 * each against the test kit's simulator on loopback, polled one after the other (the runtime polls each device in a
 * thread of its own, so a real cycle is shorter); the CPU time of the polling thread per device; then {@code perKind}
 * KEBA boxes ticking every 20 ms on one UDP socket for 15 s, and the CPU of that thread. Simulators run in the same
 * JVM: the process CPU includes them.
 */
public final class DriversPollBenchmark {

    private DriversPollBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int perKind = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        int warmup = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int cycles = args.length > 2 ? Integer.parseInt(args[2]) : 300;
        Clock clock = Clock.systemUTC();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        List<AutoCloseable> closing = new ArrayList<>();
        Map<String, List<Runnable>> pollers = new LinkedHashMap<>();
        ModbusTestKit.LinesForTest lines = ModbusTestKit.lines(clock);
        try {
            List<Runnable> goe = new ArrayList<>();
            List<Runnable> shelly = new ArrayList<>();
            List<Runnable> alfen = new ArrayList<>();
            List<Runnable> sunspec = new ArrayList<>();
            ModbusTcpSimulator sunspecSlave = ModbusTcpSimulator.start();
            closing.add(sunspecSlave);
            ModbusLine sunspecLine = lines.open(sunspecSlave.endpoint());
            for (int i = 1; i <= perKind; i++) {
                GoeSimulator goeBox = GoeSimulator.start(GoeSimulator.Api.V2, clock).plugCar(32000, 3);
                closing.add(goeBox);
                goe.add(GoeBench.poller("goe-" + i, goeBox.baseUri()));

                ShellySimulator meter = ShellySimulator.start(ShellySimulator.Model.PRO_3EM, "bench-" + i);
                meter.phase(0, 230, 10, 2300).phase(1, 230, 5, 1150).phase(2, 230, 1, 230);
                closing.add(meter);
                shelly.add(ShellyBench.poller("shelly-" + i, URI.create("http://127.0.0.1:" + meter.port()),
                        "bench-" + i));

                ModbusTcpSimulator alfenSlave = ModbusTcpSimulator.start();
                closing.add(alfenSlave);
                alfenSlave.device(AlfenRegisters.STATION_UNIT, AlfenRegisters.STATION)
                        .setText(AlfenRegisters.NAME, "ALF_1000").setText(AlfenRegisters.SERIAL, "ace" + i)
                        .set(AlfenRegisters.SOCKETS, 1);
                alfenSlave.device(1, AlfenRegisters.SOCKET).set(AlfenRegisters.AVAILABILITY, 1)
                        .setText(AlfenRegisters.MODE3_STATE, "C2").set(AlfenRegisters.CURRENT_L1, 10)
                        .set(AlfenRegisters.CURRENT_L2, 10).set(AlfenRegisters.CURRENT_L3, 10)
                        .set(AlfenRegisters.POWER, 6900).set(AlfenRegisters.ENERGY, 1e6)
                        .set(AlfenRegisters.REMAINING_VALID_TIME, 60);
                alfen.add(AlfenBench.poller("alfen-" + i, alfenSlave.endpoint(), lines.open(alfenSlave.endpoint()), 1));

                SimulatedDevice inverter = sunspecSlave.device(i, SunSpecImage.PROTOCOL);
                SunSpecImage image = SunSpecImage.at(inverter, 40000).common("Bench", "Inverter", "1.0", "SN" + i);
                int model = image.model(103, 50);
                image.set(model + 3, RegisterType.U16, 724).set(model + 6, RegisterType.S16, -2)
                        .set(model + 14, RegisterType.S16, 500).set(model + 15, RegisterType.S16, 1)
                        .set(model + 24, RegisterType.U32, 1_000_000).end();
                sunspec.add(SunSpecBench.poller("sunspec-" + i, sunspecSlave.endpoint(), sunspecLine, i));
            }
            pollers.put("go-e (HTTP)", goe);
            pollers.put("Shelly (HTTP, digest)", shelly);
            pollers.put("Alfen (Modbus TCP)", alfen);
            pollers.put("SunSpec (Modbus TCP)", sunspec);
            int devices = pollers.values().stream().mapToInt(List::size).sum();

            for (int cycle = 0; cycle < warmup; cycle++) {
                pollers.values().forEach(list -> list.forEach(Runnable::run));
            }
            Map<String, long[]> cpuByKind = new LinkedHashMap<>();
            Map<String, long[]> wallByKind = new LinkedHashMap<>();
            pollers.keySet().forEach(kind -> {
                cpuByKind.put(kind, new long[1]);
                wallByKind.put(kind, new long[1]);
            });
            long[] cycleNanos = new long[cycles];
            long processCpuStart = processCpuNanos();
            long wallStart = System.nanoTime();
            for (int cycle = 0; cycle < cycles; cycle++) {
                long start = System.nanoTime();
                for (Map.Entry<String, List<Runnable>> entry : pollers.entrySet()) {
                    for (Runnable poll : entry.getValue()) {
                        long cpu = threads.getCurrentThreadCpuTime();
                        long wall = System.nanoTime();
                        poll.run();
                        wallByKind.get(entry.getKey())[0] += System.nanoTime() - wall;
                        cpuByKind.get(entry.getKey())[0] += threads.getCurrentThreadCpuTime() - cpu;
                    }
                }
                cycleNanos[cycle] = System.nanoTime() - start;
            }
            long wallTotal = System.nanoTime() - wallStart;
            long processCpu = processCpuNanos() - processCpuStart;
            Arrays.sort(cycleNanos);
            System.out.printf(Locale.ROOT, "%d devices, %d cycles after %d warm-up cycles, one after the other in one "
                    + "thread%n", devices, cycles, warmup);
            System.out.printf(Locale.ROOT, "cycle: median %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms%n",
                    ms(cycleNanos[cycles / 2]), ms(cycleNanos[cycles * 9 / 10]), ms(cycleNanos[cycles * 99 / 100]),
                    ms(cycleNanos[cycles - 1]));
            for (String kind : pollers.keySet()) {
                int n = pollers.get(kind).size();
                System.out.printf(Locale.ROOT, "%-22s per device and poll: %.2f ms wall, %.2f ms CPU of the polling "
                        + "thread%n", kind, ms(wallByKind.get(kind)[0]) / cycles / n,
                        ms(cpuByKind.get(kind)[0]) / cycles / n);
            }
            System.out.printf(Locale.ROOT, "process CPU (drivers, HTTP client threads and simulators): %.1f %% of one "
                    + "core over %.1f s; per device at one poll per second: %.2f ms CPU per second (%.2f %% of a core)"
                    + "%n", 100.0 * processCpu / wallTotal, wallTotal / 1e9,
                    ms(processCpu) / cycles / devices, ms(processCpu) / cycles / devices / 10);

            // KEBA: ticks every 20 ms in one thread, as in the runtime (one thread per box there)
            try (KebaBench keba = new KebaBench()) {
                List<Runnable> tickers = new ArrayList<>();
                for (int i = 1; i <= perKind; i++) {
                    KebaSimulator box = KebaSimulator.start(clock, Duration.ofMillis(50)).plugCar(32000, 3);
                    closing.add(box);
                    tickers.add(keba.ticker("keba-" + i, box.address()));
                }
                ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor();
                AtomicLong tickThreadId = new AtomicLong();
                thread.scheduleWithFixedDelay(() -> {
                    tickThreadId.set(Thread.currentThread().getId());
                    tickers.forEach(Runnable::run);
                }, 0, 20, TimeUnit.MILLISECONDS);
                Thread.sleep(3000);
                long cpu0 = threads.getThreadCpuTime(tickThreadId.get());
                long seconds = 15;
                Thread.sleep(seconds * 1000);
                long cpu = threads.getThreadCpuTime(tickThreadId.get()) - cpu0;
                thread.shutdownNow();
                System.out.printf(Locale.ROOT, "KEBA (UDP): %d boxes ticking every 20 ms for %d s: %.2f ms CPU per box "
                        + "and second in the ticking thread (%.3f %% of a core per box)%n", perKind, seconds,
                        ms(cpu) / perKind / seconds, ms(cpu) / perKind / seconds / 10);
            }
        } finally {
            lines.close();
            for (AutoCloseable closeable : closing) {
                closeable.close();
            }
        }
    }

    private static double ms(long nanos) {
        return nanos / 1e6;
    }

    private static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
