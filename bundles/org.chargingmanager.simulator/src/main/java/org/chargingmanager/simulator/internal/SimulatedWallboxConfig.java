package org.chargingmanager.simulator.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/simulatedwallbox", name = "%name", description = "%description")
public @interface SimulatedWallboxConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id() default "sim";

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name() default "Simulated wallbox";

    @AttributeDefinition(name = "%connectors.name", description = "%connectors.description", min = "1", max = "8")
    int connectors() default 1;

    @AttributeDefinition(name = "%phases.name", description = "%phases.description",
            options = { @Option(label = "%phases.option.1", value = "1"),
                    @Option(label = "%phases.option.3", value = "3") })
    int phases() default 3;

    @AttributeDefinition(name = "%phaseRotation.name", description = "%phaseRotation.description", options = {
            @Option(label = "%phaseRotation.option.L1_L2_L3", value = "L1_L2_L3"),
            @Option(label = "%phaseRotation.option.L2_L3_L1", value = "L2_L3_L1"),
            @Option(label = "%phaseRotation.option.L3_L1_L2", value = "L3_L1_L2") })
    PhaseRotation phaseRotation() default PhaseRotation.L1_L2_L3;

    @AttributeDefinition(name = "%minCurrentAmps.name", description = "%minCurrentAmps.description", min = "0", max = "80")
    double minCurrentAmps() default 6;

    @AttributeDefinition(name = "%maxCurrentAmps.name", description = "%maxCurrentAmps.description", min = "0", max = "80")
    double maxCurrentAmps() default 16;

    @AttributeDefinition(name = "%carPluggedIn.name", description = "%carPluggedIn.description")
    boolean carPluggedIn() default true;

    @AttributeDefinition(name = "%carMaxCurrentAmps.name", description = "%carMaxCurrentAmps.description", min = "0", max = "80")
    double carMaxCurrentAmps() default 16;

    @AttributeDefinition(name = "%carPhases.name", description = "%carPhases.description", min = "1", max = "3")
    int carPhases() default 3;

    @AttributeDefinition(name = "%carBatteryWattHours.name", min = "1000")
    int carBatteryWattHours() default 60_000;

    @AttributeDefinition(name = "%carStartStateOfChargePercent.name", min = "0", max = "100")
    int carStartStateOfChargePercent() default 20;

    @AttributeDefinition(name = "%online.name", description = "%online.description")
    boolean online() default true;
}
