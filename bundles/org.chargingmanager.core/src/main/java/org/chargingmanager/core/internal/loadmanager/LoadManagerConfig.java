package org.chargingmanager.core.internal.loadmanager;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: load management",
        description = "The house connection and how its power is shared among the charging points.")
public @interface LoadManagerConfig {

    @AttributeDefinition(name = "House connection current per phase (A)", description = "The main fuse, as a number "
            + "or an expression such as 63 * AVAIL / 100; empty for no current limit", required = false)
    String houseConnectionCurrentAmps() default "35";

    @AttributeDefinition(name = "House connection power (W)", description = "The power the site may draw in total, "
            + "as a number or an expression such as 55000 * AVAIL / 100; empty for no power limit", required = false)
    String houseConnectionPowerWatts() default "";

    @AttributeDefinition(name = "Grid meter ID", description = "The meter at the house connection; empty for every "
            + "meter with the role GRID", required = false)
    String gridMeterId() default "";

    @AttributeDefinition(name = "Fallback current per phase (A)", description = "When the grid meter stops answering "
            + "or the limit cannot be computed, all charging points together get at most this much per phase")
    double fallbackCurrentAmps() default 6;

    @AttributeDefinition(name = "Unmetered feed-in per phase (A)", description = "The most a PV system or battery "
            + "behind the grid meter that has no meter of its own can feed in per phase. The house's own load is never "
            + "taken as less than minus this (minus what PV and battery meters measure): 0 means the grid meter never "
            + "reads less than the charging points draw")
    double unmeteredFeedInAmps() default 0;

    @AttributeDefinition(name = "Unbalanced-load limit (A)", description = "The largest difference allowed between "
            + "the phases in what all charging points together draw, so single-phase cars do not load one phase more than "
            + "the grid operator allows (in Germany 4.6 kVA, i.e. 20 A, per VDE-AR-N 4100); 0 for no limit", min = "0")
    double unbalancedLoadLimitAmps() default 20;

    @AttributeDefinition(name = "PV: start delay (s)", description = "A charging point in the mode 'PV only' starts "
            + "after the PV surplus has covered its minimum current this long", min = "0")
    int solarStartDelaySeconds() default 60;

    @AttributeDefinition(name = "PV: stop delay (s)", description = "and stops after the surplus has been short of "
            + "its minimum this long (meanwhile it charges with its minimum, partly from the grid)", min = "0")
    int solarStopDelaySeconds() default 180;

    @AttributeDefinition(name = "PV: grid import tolerance (W)", description = "Import from the grid accepted on top "
            + "of the PV surplus in the modes 'PV only' and 'Minimum + PV'", min = "0")
    double solarImportToleranceWatts() default 0;

    @AttributeDefinition(name = "PV: home battery first", description = "Expression: while it is not 0, the home "
            + "battery (a meter with the role storage) keeps the PV power it charges with and cars in the PV modes share "
            + "only what goes into the grid, e.g. 1 (always) or BATTERY_SOC < 80 with a variable set by home automation. "
            + "Empty: the cars come first. A discharging battery never counts as PV surplus.", required = false)
    String homeBatteryFirst() default "";

    @AttributeDefinition(name = "Phase switching: minimum interval (s)", description = "A charging point that can "
            + "switch between 1 and 3 phases switches at most this often (each switch pauses the car)", min = "30")
    int phaseSwitchIntervalSeconds() default 300;

    @AttributeDefinition(name = "Minimum pause (s)", description = "A paused car is not started again before this")
    int minimumPauseSeconds() default 60;

    @AttributeDefinition(name = "Minimum charging time (s)", description = "A car that started charging less than "
            + "this ago keeps its minimum current before others of the same priority, as far as the limits allow")
    int minimumChargeSeconds() default 120;

    @AttributeDefinition(name = "Wait between increases (s)", description = "A charging point's limit is lowered "
            + "at once, but raised (or its reason changed) at most this often, so chargers do not get a new limit every "
            + "cycle for every small change", min = "0", max = "300")
    int increaseIntervalSeconds() default 5;

    @AttributeDefinition(name = "Cycle (ms)", description = "How often limits are computed; also at once when a "
            + "variable changes", min = "200", max = "60000")
    int cycleMillis() default 1000;
}
