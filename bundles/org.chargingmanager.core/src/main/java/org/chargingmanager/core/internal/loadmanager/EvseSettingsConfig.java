package org.chargingmanager.core.internal.loadmanager;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: charging point settings",
        description = "Load management settings of one charging point. Charging points without settings take "
                + "part with priority 0 and their own minimum and maximum current.")
public @interface EvseSettingsConfig {

    @AttributeDefinition(name = "Charging point ID", description = "For example demo1-1 or ocpp-CB1234-1")
    String evseId();

    @AttributeDefinition(name = "Enabled", description = "Switch off to stop charging here")
    boolean enabled() default true;

    @AttributeDefinition(name = "Priority", description = "A higher number gets its minimum current first")
    int priority() default 0;

    @AttributeDefinition(name = "Maximum current (A)", description = "A number or an expression such as "
            + "if(TARIF == 1, 32, 16); empty for the charging point's own maximum", required = false)
    String maxCurrentAmps() default "";

    @AttributeDefinition(name = "Maximum power (W)", description = "A number or an expression such as "
            + "11000 * AVAIL / 100; empty for no power limit", required = false)
    String maxPowerWatts() default "";

    @AttributeDefinition(name = "Minimum current (A)", description = "The smallest current a car charges with; "
            + "0 for the charging point's own (6 A by IEC 61851)", min = "0", max = "32")
    double minCurrentAmps() default 0;

    @AttributeDefinition(name = "Charging mode", description = "Fast: as much as the site allows. Minimum + PV: the "
            + "minimum current always, more from the PV surplus. PV only: only from the PV surplus. Off: no charging",
            options = { @org.osgi.service.metatype.annotations.Option(label = "Fast", value = "FAST"),
                    @org.osgi.service.metatype.annotations.Option(label = "Minimum + PV", value = "MIN_PV"),
                    @org.osgi.service.metatype.annotations.Option(label = "PV only", value = "PV_ONLY"),
                    @org.osgi.service.metatype.annotations.Option(label = "Off", value = "OFF") })
    String chargingMode() default "FAST";

    @AttributeDefinition(name = "Phase rotation", description = "Which grid phase the charging point's phase 1 is "
            + "connected to; empty for what its driver says", required = false,
            options = { @org.osgi.service.metatype.annotations.Option(label = "as the driver says", value = ""),
                    @org.osgi.service.metatype.annotations.Option(label = "L1 L2 L3", value = "L1_L2_L3"),
                    @org.osgi.service.metatype.annotations.Option(label = "L2 L3 L1", value = "L2_L3_L1"),
                    @org.osgi.service.metatype.annotations.Option(label = "L3 L1 L2", value = "L3_L1_L2") })
    String phaseRotation() default "";
}
