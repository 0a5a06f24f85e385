package org.chargingmanager.wallbox.cfos.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: cFos Power Brain wallbox",
        description = "A cFos Power Brain wallbox over Modbus TCP (its Ethernet or WLAN port, TCP 4701) or "
                + "Modbus RTU (RS-485). One configuration per wallbox.")
public @interface CfosWallboxConfig {

    @AttributeDefinition(name = "ID", description = "Unique ID of the charging point, used in the transaction log "
            + "and the HTTP API, e.g. cfos-garage")
    String id();

    @AttributeDefinition(name = "Name", description = "Shown to users")
    String name() default "cFos Power Brain";

    @AttributeDefinition(name = "Host", description = "IP address or host name of the wallbox (Modbus TCP); "
            + "leave empty when a serial port is set")
    String host() default "";

    @AttributeDefinition(name = "Port", description = "Modbus TCP port: 4701 for the charging point", min = "1",
            max = "65535")
    int port() default 4701;

    @AttributeDefinition(name = "Unit ID", description = "Modbus unit ID (slave address) of the charging point",
            min = "0", max = "255")
    int unitId() default 1;

    @AttributeDefinition(name = "Serial port", description = "For Modbus RTU: the serial port, e.g. /dev/ttyUSB0. "
            + "Empty for Modbus TCP.")
    String serialPort() default "";

    @AttributeDefinition(name = "Baud rate", description = "Modbus RTU only")
    int baudRate() default 9600;

    @AttributeDefinition(name = "Parity", description = "Modbus RTU only")
    ModbusEndpoint.Parity parity() default ModbusEndpoint.Parity.NONE;

    @AttributeDefinition(name = "Stop bits", description = "Modbus RTU only", min = "1", max = "2")
    int stopBits() default 1;

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
            + "is installed for (16 A for 11 kW, 32 A for 22 kW)", min = "6", max = "32")
    double maxCurrentAmps() default 16;

    @AttributeDefinition(name = "Poll interval (ms)", description = "How often the wallbox is read",
            min = "200", max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "Timeout (ms)", description = "How long to wait for an answer", min = "100",
            max = "30000")
    int timeoutMillis() default 1000;
}
