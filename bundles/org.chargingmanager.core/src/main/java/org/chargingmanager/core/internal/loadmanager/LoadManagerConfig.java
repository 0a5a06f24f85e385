package org.chargingmanager.core.internal.loadmanager;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/loadmanager", name = "%name", description = "%description")
public @interface LoadManagerConfig {

    @AttributeDefinition(name = "%houseConnectionCurrentAmps.name", description = "%houseConnectionCurrentAmps.description", required = false)
    String houseConnectionCurrentAmps() default "35";

    @AttributeDefinition(name = "%houseConnectionPowerWatts.name", description = "%houseConnectionPowerWatts.description", required = false)
    String houseConnectionPowerWatts() default "";

    @AttributeDefinition(name = "%gridMeterId.name", description = "%gridMeterId.description", required = false)
    String gridMeterId() default "";

    @AttributeDefinition(name = "%fallbackCurrentAmps.name", description = "%fallbackCurrentAmps.description")
    double fallbackCurrentAmps() default 6;

    @AttributeDefinition(name = "%unmeteredFeedInAmps.name", description = "%unmeteredFeedInAmps.description")
    double unmeteredFeedInAmps() default 0;

    @AttributeDefinition(name = "%unbalancedLoadLimitAmps.name", description = "%unbalancedLoadLimitAmps.description", min = "0")
    double unbalancedLoadLimitAmps() default 20;

    @AttributeDefinition(name = "%solarStartDelaySeconds.name", description = "%solarStartDelaySeconds.description", min = "0")
    int solarStartDelaySeconds() default 60;

    @AttributeDefinition(name = "%solarStopDelaySeconds.name", description = "%solarStopDelaySeconds.description", min = "0")
    int solarStopDelaySeconds() default 180;

    @AttributeDefinition(name = "%solarImportToleranceWatts.name", description = "%solarImportToleranceWatts.description", min = "0")
    double solarImportToleranceWatts() default 0;

    @AttributeDefinition(name = "%homeBatteryFirst.name", description = "%homeBatteryFirst.description", required = false)
    String homeBatteryFirst() default "";

    @AttributeDefinition(name = "%phaseSwitchIntervalSeconds.name", description = "%phaseSwitchIntervalSeconds.description", min = "30")
    int phaseSwitchIntervalSeconds() default 300;

    @AttributeDefinition(name = "%minimumPauseSeconds.name", description = "%minimumPauseSeconds.description")
    int minimumPauseSeconds() default 60;

    @AttributeDefinition(name = "%minimumChargeSeconds.name", description = "%minimumChargeSeconds.description")
    int minimumChargeSeconds() default 120;

    @AttributeDefinition(name = "%increaseIntervalSeconds.name", description = "%increaseIntervalSeconds.description", min = "0", max = "300")
    int increaseIntervalSeconds() default 5;

    @AttributeDefinition(name = "%cycleMillis.name", description = "%cycleMillis.description", min = "200", max = "60000")
    int cycleMillis() default 1000;
}
