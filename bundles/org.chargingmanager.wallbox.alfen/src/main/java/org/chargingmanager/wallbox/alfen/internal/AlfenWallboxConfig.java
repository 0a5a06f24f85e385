package org.chargingmanager.wallbox.alfen.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/alfen", name = "%name", description = "%description")
public @interface AlfenWallboxConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name() default "Alfen Eve";

    @AttributeDefinition(name = "%host.name", description = "%host.description")
    String host();

    @AttributeDefinition(name = "%port.name", description = "%port.description", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "%unitId.name", description = "%unitId.description",
            options = { @Option(label = "%unitId.option.1", value = "1"), @Option(label = "%unitId.option.2", value = "2") })
    int unitId() default 1;

    @AttributeDefinition(name = "%phases.name", description = "%phases.description",
            options = { @Option(label = "%phases.option.1", value = "1"), @Option(label = "%phases.option.3", value = "3") })
    int phases() default 3;

    @AttributeDefinition(name = "%phaseSwitching.name", description = "%phaseSwitching.description")
    boolean phaseSwitching() default false;

    @AttributeDefinition(name = "%phaseRotation.name", description = "%phaseRotation.description", options = {
            @Option(label = "%phaseRotation.option.L1_L2_L3", value = "L1_L2_L3"),
            @Option(label = "%phaseRotation.option.L2_L3_L1", value = "L2_L3_L1"),
            @Option(label = "%phaseRotation.option.L3_L1_L2", value = "L3_L1_L2") })
    PhaseRotation phaseRotation() default PhaseRotation.L1_L2_L3;

    @AttributeDefinition(name = "%minCurrentAmps.name", min = "6", max = "32")
    double minCurrentAmps() default 6;

    @AttributeDefinition(name = "%maxCurrentAmps.name", description = "%maxCurrentAmps.description", min = "6", max = "32")
    double maxCurrentAmps() default 16;

    @AttributeDefinition(name = "%validityTimeSeconds.name", description = "%validityTimeSeconds.description", min = "10", max = "3600")
    int validityTimeSeconds() default 60;

    @AttributeDefinition(name = "%pollIntervalMillis.name", min = "200", max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "%timeoutMillis.name", min = "100", max = "30000")
    int timeoutMillis() default 1000;
}
