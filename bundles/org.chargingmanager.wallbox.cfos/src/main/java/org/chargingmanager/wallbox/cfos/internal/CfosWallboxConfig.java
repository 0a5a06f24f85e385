package org.chargingmanager.wallbox.cfos.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/cfos", name = "%name", description = "%description")
public @interface CfosWallboxConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name() default "cFos Power Brain";

    @AttributeDefinition(name = "%host.name", description = "%host.description")
    String host() default "";

    @AttributeDefinition(name = "%port.name", description = "%port.description", min = "1", max = "65535")
    int port() default 4701;

    @AttributeDefinition(name = "%unitId.name", description = "%unitId.description", min = "0", max = "255")
    int unitId() default 1;

    @AttributeDefinition(name = "%serialPort.name", description = "%serialPort.description")
    String serialPort() default "";

    @AttributeDefinition(name = "%baudRate.name", description = "%baudRate.description")
    int baudRate() default 9600;

    @AttributeDefinition(name = "%parity.name", description = "%parity.description", options = {
            @Option(label = "%parity.option.NONE", value = "NONE"),
            @Option(label = "%parity.option.ODD", value = "ODD"),
            @Option(label = "%parity.option.EVEN", value = "EVEN") })
    ModbusEndpoint.Parity parity() default ModbusEndpoint.Parity.NONE;

    @AttributeDefinition(name = "%stopBits.name", description = "%stopBits.description", min = "1", max = "2")
    int stopBits() default 1;

    @AttributeDefinition(name = "%phases.name", description = "%phases.description",
            options = { @Option(label = "%phases.option.1", value = "1"), @Option(label = "%phases.option.3", value = "3") })
    int phases() default 3;

    @AttributeDefinition(name = "%phaseRotation.name", description = "%phaseRotation.description", options = {
            @Option(label = "%phaseRotation.option.L1_L2_L3", value = "L1_L2_L3"),
            @Option(label = "%phaseRotation.option.L2_L3_L1", value = "L2_L3_L1"),
            @Option(label = "%phaseRotation.option.L3_L1_L2", value = "L3_L1_L2") })
    PhaseRotation phaseRotation() default PhaseRotation.L1_L2_L3;

    @AttributeDefinition(name = "%minCurrentAmps.name", description = "%minCurrentAmps.description", min = "6", max = "32")
    double minCurrentAmps() default 6;

    @AttributeDefinition(name = "%maxCurrentAmps.name", description = "%maxCurrentAmps.description", min = "6", max = "32")
    double maxCurrentAmps() default 16;

    @AttributeDefinition(name = "%pollIntervalMillis.name", description = "%pollIntervalMillis.description", min = "200", max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "%timeoutMillis.name", description = "%timeoutMillis.description", min = "100", max = "30000")
    int timeoutMillis() default 1000;
}
