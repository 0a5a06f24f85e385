package org.chargingmanager.device.definition.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.meter.MeterRole;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/defineddevice", name = "%name", description = "%description")
public @interface DefinedDeviceConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name() default "";

    @AttributeDefinition(name = "%definition.name", description = "%definition.description")
    String definition();

    @AttributeDefinition(name = "%host.name", description = "%host.description")
    String host();

    @AttributeDefinition(name = "%port.name", description = "%port.description", min = "0", max = "65535")
    int port() default 0;

    @AttributeDefinition(name = "%unitId.name", description = "%unitId.description", min = "0", max = "255")
    int unitId() default 1;

    @AttributeDefinition(name = "%role.name", description = "%role.description", options = {
            @Option(label = "%role.option.GRID", value = "GRID"),
            @Option(label = "%role.option.PV", value = "PV"),
            @Option(label = "%role.option.STORAGE", value = "STORAGE"),
            @Option(label = "%role.option.CONSUMER", value = "CONSUMER"),
            @Option(label = "%role.option.SUBDISTRIBUTION", value = "SUBDISTRIBUTION") })
    MeterRole role() default MeterRole.CONSUMER;

    @AttributeDefinition(name = "%phases.name", description = "%phases.description", options = {
        @Option(label = "%phases.option.1", value = "1"), @Option(label = "%phases.option.3", value = "3") })
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

    @AttributeDefinition(name = "%pollIntervalMillis.name", min = "200", max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "%timeoutMillis.name", min = "100", max = "30000")
    int timeoutMillis() default 1000;
}
