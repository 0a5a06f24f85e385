package org.chargingmanager.simulator.internal;

import org.chargingmanager.api.meter.MeterRole;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: simulated meter",
        description = "A meter that exists only in software. As grid meter it measures a base load "
                + "plus every simulated wallbox.")
public @interface SimulatedMeterConfig {

    @AttributeDefinition(name = "ID", description = "Unique ID of the meter")
    String id() default "grid";

    @AttributeDefinition(name = "Name", description = "Shown to users")
    String name() default "Simulated grid meter";

    @AttributeDefinition(name = "Role", description = "What the meter measures")
    MeterRole role() default MeterRole.GRID;

    @AttributeDefinition(name = "Base load L1 (W)", description = "Load on L1 that is not a wallbox")
    double baseLoadL1Watts() default 500;

    @AttributeDefinition(name = "Base load L2 (W)", description = "Load on L2 that is not a wallbox")
    double baseLoadL2Watts() default 300;

    @AttributeDefinition(name = "Base load L3 (W)", description = "Load on L3 that is not a wallbox")
    double baseLoadL3Watts() default 200;

    @AttributeDefinition(name = "Include simulated wallboxes",
            description = "Add the load of every simulated wallbox, as a grid meter would see it")
    boolean includeSimulatedWallboxes() default true;

    @AttributeDefinition(name = "Voltage (V)", description = "Voltage of each phase")
    double volts() default 230;

    @AttributeDefinition(name = "Online", description = "Switch off to simulate a meter that stops answering")
    boolean online() default true;
}
