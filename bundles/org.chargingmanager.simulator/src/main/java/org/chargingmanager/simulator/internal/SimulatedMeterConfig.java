package org.chargingmanager.simulator.internal;

import org.chargingmanager.api.meter.MeterRole;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/simulatedmeter", name = "%name", description = "%description")
public @interface SimulatedMeterConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id() default "grid";

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name() default "Simulated grid meter";

    @AttributeDefinition(name = "%role.name", description = "%role.description", options = {
            @Option(label = "%role.option.GRID", value = "GRID"),
            @Option(label = "%role.option.PV", value = "PV"),
            @Option(label = "%role.option.STORAGE", value = "STORAGE"),
            @Option(label = "%role.option.CONSUMER", value = "CONSUMER"),
            @Option(label = "%role.option.SUBDISTRIBUTION", value = "SUBDISTRIBUTION") })
    MeterRole role() default MeterRole.GRID;

    @AttributeDefinition(name = "%baseLoadL1Watts.name", description = "%baseLoadL1Watts.description")
    double baseLoadL1Watts() default 500;

    @AttributeDefinition(name = "%baseLoadL2Watts.name", description = "%baseLoadL2Watts.description")
    double baseLoadL2Watts() default 300;

    @AttributeDefinition(name = "%baseLoadL3Watts.name", description = "%baseLoadL3Watts.description")
    double baseLoadL3Watts() default 200;

    @AttributeDefinition(name = "%includeSimulatedWallboxes.name", description = "%includeSimulatedWallboxes.description")
    boolean includeSimulatedWallboxes() default true;

    @AttributeDefinition(name = "%volts.name", description = "%volts.description")
    double volts() default 230;

    @AttributeDefinition(name = "%online.name", description = "%online.description")
    boolean online() default true;
}
