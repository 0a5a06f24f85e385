package org.chargingmanager.meter.eastron.internal;

import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.modbus.ModbusEndpoint;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/eastron", name = "%name", description = "%description")
public @interface EastronMeterConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name() default "Eastron meter";

    @AttributeDefinition(name = "%role.name", description = "%role.description", options = {
            @Option(label = "%role.option.GRID", value = "GRID"),
            @Option(label = "%role.option.PV", value = "PV"),
            @Option(label = "%role.option.STORAGE", value = "STORAGE"),
            @Option(label = "%role.option.CONSUMER", value = "CONSUMER"),
            @Option(label = "%role.option.SUBDISTRIBUTION", value = "SUBDISTRIBUTION") })
    MeterRole role() default MeterRole.GRID;

    @AttributeDefinition(name = "%model.name", description = "%model.description", options = {
            @Option(label = "%model.option.SDM630", value = "SDM630"),
            @Option(label = "%model.option.SDM72D_M_V2", value = "SDM72D_M_V2"),
            @Option(label = "%model.option.SDM72D_M_V1", value = "SDM72D_M_V1") })
    EastronModel model() default EastronModel.SDM630;

    @AttributeDefinition(name = "%host.name", description = "%host.description")
    String host() default "";

    @AttributeDefinition(name = "%port.name", description = "%port.description", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "%unitId.name", description = "%unitId.description", min = "1", max = "247")
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

    @AttributeDefinition(name = "%pollIntervalMillis.name", description = "%pollIntervalMillis.description", min = "200", max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "%timeoutMillis.name", description = "%timeoutMillis.description", min = "100", max = "30000")
    int timeoutMillis() default 1000;
}
