package org.chargingmanager.simulator.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: simulated wallbox",
        description = "A wallbox that exists only in software, with a simulated car on each connector. "
                + "For the demo site, for trying out settings and for tests.")
public @interface SimulatedWallboxConfig {

    @AttributeDefinition(name = "ID", description = "Unique ID of the wallbox. Its charging points are "
            + "named <ID>-1, <ID>-2, ...")
    String id() default "sim";

    @AttributeDefinition(name = "Name", description = "Shown to users")
    String name() default "Simulated wallbox";

    @AttributeDefinition(name = "Connectors", description = "Number of charging points (1 to 8)", min = "1", max = "8")
    int connectors() default 1;

    @AttributeDefinition(name = "Phases", description = "How many phases the wallbox is wired with",
            options = { @org.osgi.service.metatype.annotations.Option(label = "1 phase", value = "1"),
                    @org.osgi.service.metatype.annotations.Option(label = "3 phases", value = "3") })
    int phases() default 3;

    @AttributeDefinition(name = "Phase rotation", description = "Which grid phase the wallbox's phase 1 is connected to")
    PhaseRotation phaseRotation() default PhaseRotation.L1_L2_L3;

    @AttributeDefinition(name = "Minimum current (A)", description = "The smallest current a car charges with", min = "0", max = "80")
    double minCurrentAmps() default 6;

    @AttributeDefinition(name = "Maximum current (A)", description = "The largest current per phase the wallbox allows", min = "0", max = "80")
    double maxCurrentAmps() default 16;

    @AttributeDefinition(name = "Car plugged in", description = "Whether a simulated car is connected to every connector. "
            + "Change it to plug the cars in or out.")
    boolean carPluggedIn() default true;

    @AttributeDefinition(name = "Car maximum current (A)", description = "The most the car's on-board charger draws per phase", min = "0", max = "80")
    double carMaxCurrentAmps() default 16;

    @AttributeDefinition(name = "Car phases", description = "How many phases the car's on-board charger uses (1, 2 or 3)", min = "1", max = "3")
    int carPhases() default 3;

    @AttributeDefinition(name = "Car battery capacity (Wh)", min = "1000")
    int carBatteryWattHours() default 60_000;

    @AttributeDefinition(name = "Car state of charge when plugged in (%)", min = "0", max = "100")
    int carStartStateOfChargePercent() default 20;

    @AttributeDefinition(name = "Online", description = "Switch off to simulate a wallbox that stops answering")
    boolean online() default true;
}
