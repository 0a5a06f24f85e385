package org.chargingmanager.wallbox.keba.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/keba", name = "%name", description = "%description")
public @interface KebaWallboxConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name() default "KEBA KeContact";

    @AttributeDefinition(name = "%protocol.name", description = "%protocol.description", options = {
            @Option(label = "%protocol.option.UDP", value = "UDP"),
            @Option(label = "%protocol.option.MODBUS", value = "MODBUS") })
    KebaProtocol protocol() default KebaProtocol.UDP;

    @AttributeDefinition(name = "%model.name", description = "%model.description", options = {
            @Option(label = "%model.option.P30", value = "P30"),
            @Option(label = "%model.option.P40", value = "P40") })
    KebaModel model() default KebaModel.P30;

    @AttributeDefinition(name = "%unitId.name", description = "%unitId.description", min = "0", max = "255")
    int unitId() default KebaModbusRegisters.UNIT_ID;

    @AttributeDefinition(name = "%host.name", description = "%host.description")
    String host();

    @AttributeDefinition(name = "%port.name", description = "%port.description", min = "1", max = "65535")
    int port() default 7090;

    @AttributeDefinition(name = "%localPort.name", description = "%localPort.description", min = "0", max = "65535")
    int localPort() default 7090;

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

    @AttributeDefinition(name = "%maxCurrentAmps.name", description = "%maxCurrentAmps.description", min = "6", max = "63")
    double maxCurrentAmps() default 16;

    @AttributeDefinition(name = "%failsafeTimeoutSeconds.name", description = "%failsafeTimeoutSeconds.description", min = "0", max = "600")
    int failsafeTimeoutSeconds() default 60;

    @AttributeDefinition(name = "%failsafeCurrentAmps.name", description = "%failsafeCurrentAmps.description", min = "0", max = "63")
    double failsafeCurrentAmps() default 6;

    @AttributeDefinition(name = "%pollIntervalMillis.name", description = "%pollIntervalMillis.description", min = "500", max = "60000")
    int pollIntervalMillis() default 5000;

    @AttributeDefinition(name = "%timeoutMillis.name", description = "%timeoutMillis.description", min = "100", max = "10000")
    int timeoutMillis() default 1500;
}
