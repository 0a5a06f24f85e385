package org.chargingmanager.wallbox.keba.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: KEBA KeContact P30/P40 wallbox",
        description = "A KEBA KeContact P30 (c- or x-series) or P40 over its UDP interface (port 7090; enable it with "
                + "DIP switch 1.3 on the P30 c-series, in the web interface on x-series and P40). One configuration "
                + "per wallbox; several wallboxes share one UDP socket.")
public @interface KebaWallboxConfig {

    @AttributeDefinition(name = "ID", description = "Unique ID of the charging point, used in the transaction log "
            + "and the HTTP API, e.g. keba-garage")
    String id();

    @AttributeDefinition(name = "Name", description = "Shown to users")
    String name() default "KEBA KeContact";

    @AttributeDefinition(name = "Interface", description = "UDP (port 7090) or Modbus TCP (port 502, unit 255); "
            + "KEBA says not to use both at once")
    KebaProtocol protocol() default KebaProtocol.UDP;

    @AttributeDefinition(name = "Model", description = "Modbus TCP only: a P30 pauses with its enable register, a "
            + "P40 with current 0")
    KebaModel model() default KebaModel.P30;

    @AttributeDefinition(name = "Unit ID", description = "Modbus TCP only: always 255 on a KEBA", min = "0",
            max = "255")
    int unitId() default KebaModbusRegisters.UNIT_ID;

    @AttributeDefinition(name = "Host", description = "IP address of the wallbox (give it a fixed address: the box "
            + "is told apart from others by its address)")
    String host();

    @AttributeDefinition(name = "Port", description = "UDP port of the wallbox, always 7090 on a real box; with "
            + "Modbus TCP 7090 means 502",
            min = "1", max = "65535")
    int port() default 7090;

    @AttributeDefinition(name = "Local UDP port", description = "The charging manager's own UDP port. The box "
            + "answers to port 7090 of the sender, so keep 7090 unless a test or a second installation needs "
            + "another; every wallbox with the same local port shares the socket", min = "0", max = "65535")
    int localPort() default 7090;

    @AttributeDefinition(name = "Phases", description = "How many phases the wallbox is wired with",
            options = { @Option(label = "1 phase", value = "1"), @Option(label = "3 phases", value = "3") })
    int phases() default 3;

    @AttributeDefinition(name = "Phase rotation", description = "Which grid phase the wallbox's phase 1 is "
            + "connected to")
    PhaseRotation phaseRotation() default PhaseRotation.L1_L2_L3;

    @AttributeDefinition(name = "Minimum current (A)", description = "The smallest current a car charges with",
            min = "6", max = "32")
    double minCurrentAmps() default 6;

    @AttributeDefinition(name = "Maximum current (A)", description = "The largest current per phase the wallbox "
            + "is installed for (16 A for 11 kW, 32 A for 22 kW); the box's DIP switches may allow less",
            min = "6", max = "63")
    double maxCurrentAmps() default 16;

    @AttributeDefinition(name = "Failsafe timeout (s)", description = "If the charging manager has not set the "
            + "current for this long (it stopped, the network is down), the box falls back to the failsafe current "
            + "by itself. 10..600 s; 0 switches the failsafe off (not recommended)", min = "0", max = "600")
    int failsafeTimeoutSeconds() default 60;

    @AttributeDefinition(name = "Failsafe current (A)", description = "What the box allows when the failsafe has "
            + "fired: 0 stops charging, otherwise 6..63 A", min = "0", max = "63")
    double failsafeCurrentAmps() default 6;

    @AttributeDefinition(name = "Poll interval (ms)", description = "UDP: how often reports 2 and 3 are asked for "
            + "(the box allows the same command at most every 5 s, so at least 5000); Modbus TCP: how often the "
            + "registers are read (at most 2000 is used)", min = "500", max = "60000")
    int pollIntervalMillis() default 5000;

    @AttributeDefinition(name = "Timeout (ms)", description = "How long to wait for an answer", min = "100",
            max = "10000")
    int timeoutMillis() default 1500;
}
