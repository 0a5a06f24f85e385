package org.chargingmanager.wallbox.abl.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: ABL wallbox",
        description = "An ABL eMH1/eMH2 on RS-485 (Modbus ASCII, 38400 baud 8E1; a USB adapter or an RS-485-to-"
                + "Ethernet converter) or an ABL eM4 over Modbus TCP. One configuration per charging point.")
public @interface AblWallboxConfig {

    @AttributeDefinition(name = "ID", description = "Unique ID of the charging point, e.g. abl-garage")
    String id();

    @AttributeDefinition(name = "Name", description = "Shown to users")
    String name() default "ABL wallbox";

    @AttributeDefinition(name = "Model", description = "eMH1/eMH2 (RS-485) or eM4 (Modbus TCP)")
    AblModel model() default AblModel.EMH1;

    @AttributeDefinition(name = "Serial port", description = "eMH1 on a local RS-485 adapter, e.g. /dev/ttyUSB0; "
            + "leave empty to use Host and Port (an RS-485-to-Ethernet converter, or the eM4)", required = false)
    String serialPort() default "";

    @AttributeDefinition(name = "Baud rate", description = "eMH1 on a local serial port: 38400 as delivered")
    int baudRate() default 38400;

    @AttributeDefinition(name = "Parity", description = "eMH1 on a local serial port: even as delivered")
    ModbusEndpoint.Parity parity() default ModbusEndpoint.Parity.EVEN;

    @AttributeDefinition(name = "Host", description = "IP address of the eM4, or of the RS-485-to-Ethernet "
            + "converter in front of an eMH1 (transparent mode, TCP server)", required = false)
    String host() default "";

    @AttributeDefinition(name = "Port", description = "502 for the eM4; the converter's TCP port for an eMH1",
            min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "Unit ID", description = "0: the model's default (1 for eMH1, 255 for eM4); several "
            + "eMH1 on one bus have different bus addresses", min = "0", max = "255")
    int unitId() default 0;

    @AttributeDefinition(name = "Connector", description = "eM4 only: which connector of the controller (1, 2, ...)",
            min = "1", max = "16")
    int connector() default 1;

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

    @AttributeDefinition(name = "Timeout (ms)", description = "Per request; an eMH1 that misses a request is asked "
            + "once more", min = "100", max = "30000")
    int timeoutMillis() default 1000;
}
