package org.chargingmanager.itests;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

import org.junit.Test;

import com.ghgande.j2mod.modbus.facade.ModbusTCPMaster;
import com.ghgande.j2mod.modbus.procimg.SimpleDigitalIn;
import com.ghgande.j2mod.modbus.procimg.SimpleRegister;
import com.ghgande.j2mod.modbus.slave.ModbusSlaveFactory;

/**
 * On demand, not part of the build: the time from each kind of grid signal to the curtailed power at the
 * simulated grid meter of the standalone runtime's demo site, repeated {@code -Dgrid.benchmark.rounds} times
 * (default 10). Run: {@code mvn -pl itests verify -Dit.test=GridSignalLatencyBenchmark -Dtest=none
 * -Dsurefire.failIfNoSpecifiedTests=false}. The meter is polled every 50 ms over the HTTP API, so figures
 * are rounded up to that.
 */
public class GridSignalLatencyBenchmark {

    @Test
    public void timeFromGridSignalToCurtailedPower() throws Exception {
        int rounds = Integer.getInteger("grid.benchmark.rounds", 10);
        GridSignalsRuntimeIT.Site site = GridSignalsRuntimeIT.prepare("grid-benchmark");
        List<Long> ripple = new ArrayList<>();
        List<Long> smgw = new ArrayList<>();
        List<Long> modbus = new ArrayList<>();
        try (RuntimeProcess runtime = RuntimeProcess.start(site.home, site.directory, "console.log", Map.of())) {
            GridSignalsRuntimeIT.awaitGridPower(runtime, w -> w > 20_000, 60_000, "full power");
            X509Certificate ours = GridSignalsRuntimeIT.ourCertificate(runtime);
            ModbusTCPMaster box = new ModbusTCPMaster("127.0.0.1", site.controlPort, 3000, false, false);
            box.connect();
            for (int round = 0; round < rounds; round++) {
                SimpleDigitalIn contact = (SimpleDigitalIn) site.contacts.getDigitalIn(1);
                contact.set(true);
                ripple.add(GridSignalsRuntimeIT.awaitGridPower(runtime, w -> w <= 16_500, 10_000, "ripple 30 %"));
                contact.set(false);
                GridSignalsRuntimeIT.awaitGridPower(runtime, w -> w > 20_000, 30_000, "full power");

                GridSignalsRuntimeIT.smgwRequest(site.smgwStore, ours, site.smgwPort, "/cnf?cmd=set_cm_vars&name=AVAIL&val=30");
                smgw.add(GridSignalsRuntimeIT.awaitGridPower(runtime, w -> w <= 16_500, 10_000, "AVAIL 30"));
                GridSignalsRuntimeIT.smgwRequest(site.smgwStore, ours, site.smgwPort, "/cnf?cmd=set_cm_vars&name=AVAIL&val=100");
                GridSignalsRuntimeIT.awaitGridPower(runtime, w -> w > 20_000, 30_000, "full power");

                box.writeMultipleRegisters(1, 40008, new com.ghgande.j2mod.modbus.procimg.Register[] {
                        new SimpleRegister(30), new SimpleRegister(1) });
                modbus.add(GridSignalsRuntimeIT.awaitGridPower(runtime, w -> w <= 16_500, 10_000, "Modbus 30 %"));
                box.writeSingleRegister(1, 40009, new SimpleRegister(0));
                GridSignalsRuntimeIT.awaitGridPower(runtime, w -> w > 20_000, 30_000, "full power");
            }
            box.disconnect();
            String report = "rounds " + rounds + "\n" + line("ripple-control contact (Modbus input, debounce 300 ms)", ripple)
                    + line("SMGW set_cm_vars AVAIL=30 over mutual TLS", smgw)
                    + line("Modbus control interface 30 %", modbus);
            System.out.println(report);
            Path out = Path.of("target", "grid-signal-latency.txt");
            Files.createDirectories(out.getParent());
            Files.writeString(out, report);
        } finally {
            ModbusSlaveFactory.close(site.slave);
        }
    }

    private static String line(String what, List<Long> millis) {
        List<Long> sorted = new ArrayList<>(millis);
        Collections.sort(sorted);
        return String.format("%-55s median %5d ms  min %5d ms  max %5d ms%n", what, sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }
}
