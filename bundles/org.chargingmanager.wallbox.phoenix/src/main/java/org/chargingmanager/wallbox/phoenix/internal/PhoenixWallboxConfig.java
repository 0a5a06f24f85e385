package org.chargingmanager.wallbox.phoenix.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: Phoenix Contact EV Charge Control wallbox",
        description = "A wallbox with a Phoenix Contact EV Charge Control (Wallbe, ESL Walli, Compleo, E3/DC Easy "
                + "Connect) over Modbus TCP, or an EV-CC-AC1-M over Modbus RTU. On the EV-ETH controller DIP switch 10 "
                + "must be ON (Modbus TCP). One configuration per wallbox.")
public @interface PhoenixWallboxConfig {

    @AttributeDefinition(name = "ID", description = "Unique ID of the charging point, e.g. wallbe-garage")
    String id();

    @AttributeDefinition(name = "Name", description = "Shown to users")
    String name() default "Phoenix Contact EV Charge Control";

    @AttributeDefinition(name = "Controller", description = "EV-ETH (Wallbe, ESL Walli, E3/DC), EM-CP-PP-ETH "
            + "(Modbus TCP) or EV-CC-AC1-M (Modbus RTU)")
    PhoenixVariant variant() default PhoenixVariant.EV_ETH;

    @AttributeDefinition(name = "Host", description = "IP address of the wallbox's controller; for the "
            + "EV-CC-AC1-M the RS-485-to-Ethernet converter in front of it (transparent mode, TCP server)",
            required = false)
    String host() default "";

    @AttributeDefinition(name = "Serial port", description = "EV-CC-AC1-M on a local RS-485 adapter, e.g. "
            + "/dev/ttyUSB0; leave empty to use Host and Port", required = false)
    String serialPort() default "";

    @AttributeDefinition(name = "Baud rate", description = "EV-CC-AC1-M on a local serial port: as set on the "
            + "controller")
    int baudRate() default 9600;

    @AttributeDefinition(name = "Parity", description = "EV-CC-AC1-M on a local serial port: as set on the controller")
    ModbusEndpoint.Parity parity() default ModbusEndpoint.Parity.NONE;

    @AttributeDefinition(name = "Port", description = "Modbus TCP port (502); for the EV-CC-AC1-M the "
            + "converter's TCP port", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "Unit ID", description = "0: the controller's default (255 for EV-ETH, 180 for "
            + "EM-CP-PP-ETH, 1 for EV-CC-AC1-M)", min = "0", max = "255")
    int unitId() default 0;

    @AttributeDefinition(name = "Phases", options = { @Option(label = "1 phase", value = "1"),
        @Option(label = "3 phases", value = "3") })
    int phases() default 3;

    @AttributeDefinition(name = "Phase rotation")
    PhaseRotation phaseRotation() default PhaseRotation.L1_L2_L3;

    @AttributeDefinition(name = "Minimum current (A)", min = "6", max = "32")
    double minCurrentAmps() default 6;

    @AttributeDefinition(name = "Maximum current (A)", description = "What the wallbox is installed for", min = "6",
            max = "32")
    double maxCurrentAmps() default 16;

    @AttributeDefinition(name = "Poll interval (ms)", min = "200", max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "Timeout (ms)", min = "100", max = "30000")
    int timeoutMillis() default 1000;
}
