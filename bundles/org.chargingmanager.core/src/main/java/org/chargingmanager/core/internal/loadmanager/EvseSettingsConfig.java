package org.chargingmanager.core.internal.loadmanager;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/evsesettings", name = "%name", description = "%description")
public @interface EvseSettingsConfig {

    @AttributeDefinition(name = "%evseId.name", description = "%evseId.description")
    String evseId();

    @AttributeDefinition(name = "%enabled.name", description = "%enabled.description")
    boolean enabled() default true;

    @AttributeDefinition(name = "%priority.name", description = "%priority.description")
    int priority() default 0;

    @AttributeDefinition(name = "%maxCurrentAmps.name", description = "%maxCurrentAmps.description", required = false)
    String maxCurrentAmps() default "";

    @AttributeDefinition(name = "%maxPowerWatts.name", description = "%maxPowerWatts.description", required = false)
    String maxPowerWatts() default "";

    @AttributeDefinition(name = "%minCurrentAmps.name", description = "%minCurrentAmps.description", min = "0", max = "32")
    double minCurrentAmps() default 0;

    @AttributeDefinition(name = "%chargingMode.name", description = "%chargingMode.description",
            options = { @org.osgi.service.metatype.annotations.Option(label = "%chargingMode.option.FAST", value = "FAST"),
                    @org.osgi.service.metatype.annotations.Option(label = "%chargingMode.option.MIN_PV", value = "MIN_PV"),
                    @org.osgi.service.metatype.annotations.Option(label = "%chargingMode.option.PV_ONLY", value = "PV_ONLY"),
                    @org.osgi.service.metatype.annotations.Option(label = "%chargingMode.option.OFF", value = "OFF") })
    String chargingMode() default "FAST";

    @AttributeDefinition(name = "%phaseRotation.name", description = "%phaseRotation.description", required = false,
            options = { @org.osgi.service.metatype.annotations.Option(label = "%phaseRotation.option.empty", value = ""),
                    @org.osgi.service.metatype.annotations.Option(label = "%phaseRotation.option.L1_L2_L3", value = "L1_L2_L3"),
                    @org.osgi.service.metatype.annotations.Option(label = "%phaseRotation.option.L2_L3_L1", value = "L2_L3_L1"),
                    @org.osgi.service.metatype.annotations.Option(label = "%phaseRotation.option.L3_L1_L2", value = "L3_L1_L2") })
    String phaseRotation() default "";
}
