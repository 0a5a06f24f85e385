package org.chargingmanager.core.internal.rules;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: charging rule",
        description = "Limits or stops charging while its conditions hold. When several rules apply to a "
                + "charging point, the most restrictive wins.")
public @interface ChargingRuleConfig {

    @AttributeDefinition(name = "Name", description = "Shown as the reason of a limit")
    String name() default "Rule";

    @AttributeDefinition(name = "Charging points", description = "IDs of the charging points it applies to; empty for all",
            required = false)
    String[] evseIds() default {};

    @AttributeDefinition(name = "Users", description = "User IDs or RFID tags / PINs it applies to; empty for everyone",
            required = false)
    String[] users() default {};

    @AttributeDefinition(name = "Weekdays", description = "Days it applies on; empty for every day", required = false,
            options = { @Option(label = "Monday", value = "MONDAY"), @Option(label = "Tuesday", value = "TUESDAY"),
                    @Option(label = "Wednesday", value = "WEDNESDAY"), @Option(label = "Thursday", value = "THURSDAY"),
                    @Option(label = "Friday", value = "FRIDAY"), @Option(label = "Saturday", value = "SATURDAY"),
                    @Option(label = "Sunday", value = "SUNDAY") })
    String[] weekdays() default {};

    @AttributeDefinition(name = "From (HH:mm)", description = "Start of the daily time window; empty for midnight",
            required = false)
    String startTime() default "";

    @AttributeDefinition(name = "Until (HH:mm)", description = "End of the daily time window (exclusive; may be past "
            + "midnight, e.g. 22:00 to 06:00); empty for midnight", required = false)
    String endTime() default "";

    @AttributeDefinition(name = "Condition", description = "Expression over variables, e.g. TARIF == 1 or AVAIL < 50; "
            + "empty for always. If it cannot be computed (a meter is offline), the rule applies.", required = false)
    String condition() default "";

    @AttributeDefinition(name = "Action", description = "Limit the current or the power, stop charging, or switch "
            + "the charging mode while the rule applies (e.g. PV only on weekdays, fast on Friday evening)",
            options = { @Option(label = "Maximum current (A)", value = "MAX_CURRENT"),
                    @Option(label = "Maximum power (W)", value = "MAX_POWER"),
                    @Option(label = "No charging", value = "NO_CHARGING"),
                    @Option(label = "Charging mode: fast", value = "MODE_FAST"),
                    @Option(label = "Charging mode: minimum + PV", value = "MODE_MIN_PV"),
                    @Option(label = "Charging mode: PV only", value = "MODE_PV_ONLY") })
    RuleAction action() default RuleAction.MAX_CURRENT;

    @AttributeDefinition(name = "Value", description = "Current in A (maximum current) or power in W (maximum power); "
            + "not used by the other actions")
    double value() default 16;
}
