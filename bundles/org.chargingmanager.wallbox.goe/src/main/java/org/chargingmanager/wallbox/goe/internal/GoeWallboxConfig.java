package org.chargingmanager.wallbox.goe.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/goe", name = "%name", description = "%description")
public @interface GoeWallboxConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name() default "go-e Charger";

    @AttributeDefinition(name = "%host.name", description = "%host.description")
    String host();

    @AttributeDefinition(name = "%port.name", description = "%port.description", min = "1", max = "65535")
    int port() default 80;

    @AttributeDefinition(name = "%apiVersion.name", description = "%apiVersion.description", options = {
            @Option(label = "%apiVersion.option.AUTO", value = "AUTO"),
            @Option(label = "%apiVersion.option.V2", value = "V2"),
            @Option(label = "%apiVersion.option.V1", value = "V1") })
    GoeApiVersion apiVersion() default GoeApiVersion.AUTO;

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

    @AttributeDefinition(name = "%pollIntervalMillis.name", description = "%pollIntervalMillis.description", min = "500", max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "%timeoutMillis.name", description = "%timeoutMillis.description", min = "100", max = "30000")
    int timeoutMillis() default 2000;
}
