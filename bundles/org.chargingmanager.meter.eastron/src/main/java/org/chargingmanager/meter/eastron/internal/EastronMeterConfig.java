package org.chargingmanager.meter.eastron.internal;

import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: Eastron SDM630 / SDM72D-M meter",
        description = "An Eastron meter over Modbus RTU (RS-485) or over Modbus TCP through an RS-485 gateway. "
                + "One configuration per meter.")
public @interface EastronMeterConfig {

    @AttributeDefinition(name = "ID", description = "Unique ID of the meter, e.g. grid")
    String id();

    @AttributeDefinition(name = "Name", description = "Shown to users")
    String name() default "Eastron meter";

    @AttributeDefinition(name = "Role", description = "What the meter measures: the grid connection, a PV "
            + "system, a battery storage, a consumer or a sub-distribution board")
    MeterRole role() default MeterRole.GRID;

    @AttributeDefinition(name = "Model", description = "SDM72D-M v1 reports totals only, no values per phase")
    EastronModel model() default EastronModel.SDM630;

    @AttributeDefinition(name = "Host", description = "IP address or host name of the Modbus TCP gateway; leave "
            + "empty when a serial port is set")
    String host() default "";

    @AttributeDefinition(name = "Port", description = "Modbus TCP port of the gateway", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "Unit ID", description = "Modbus address of the meter (set on its display)",
            min = "1", max = "247")
    int unitId() default 1;

    @AttributeDefinition(name = "Serial port", description = "For Modbus RTU: the serial port, e.g. /dev/ttyUSB0. "
            + "Empty for Modbus TCP.")
    String serialPort() default "";

    @AttributeDefinition(name = "Baud rate", description = "Modbus RTU only (the meter's default is 9600)")
    int baudRate() default 9600;

    @AttributeDefinition(name = "Parity", description = "Modbus RTU only")
    ModbusEndpoint.Parity parity() default ModbusEndpoint.Parity.NONE;

    @AttributeDefinition(name = "Stop bits", description = "Modbus RTU only", min = "1", max = "2")
    int stopBits() default 1;

    @AttributeDefinition(name = "Poll interval (ms)", description = "How often the meter is read", min = "200",
            max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "Timeout (ms)", description = "How long to wait for an answer", min = "100",
            max = "30000")
    int timeoutMillis() default 1000;
}
