package org.chargingmanager.core.internal.rules;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/chargingrule", name = "%name", description = "%description")
public @interface ChargingRuleConfig {

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name() default "Rule";

    @AttributeDefinition(name = "%evseIds.name", description = "%evseIds.description", required = false)
    String[] evseIds() default {};

    @AttributeDefinition(name = "%users.name", description = "%users.description", required = false)
    String[] users() default {};

    @AttributeDefinition(name = "%weekdays.name", description = "%weekdays.description", required = false,
            options = { @Option(label = "%weekdays.option.MONDAY", value = "MONDAY"), @Option(label = "%weekdays.option.TUESDAY", value = "TUESDAY"),
                    @Option(label = "%weekdays.option.WEDNESDAY", value = "WEDNESDAY"), @Option(label = "%weekdays.option.THURSDAY", value = "THURSDAY"),
                    @Option(label = "%weekdays.option.FRIDAY", value = "FRIDAY"), @Option(label = "%weekdays.option.SATURDAY", value = "SATURDAY"),
                    @Option(label = "%weekdays.option.SUNDAY", value = "SUNDAY") })
    String[] weekdays() default {};

    @AttributeDefinition(name = "%startTime.name", description = "%startTime.description", required = false)
    String startTime() default "";

    @AttributeDefinition(name = "%endTime.name", description = "%endTime.description", required = false)
    String endTime() default "";

    @AttributeDefinition(name = "%condition.name", description = "%condition.description", required = false)
    String condition() default "";

    @AttributeDefinition(name = "%action.name", description = "%action.description",
            options = { @Option(label = "%action.option.MAX_CURRENT", value = "MAX_CURRENT"),
                    @Option(label = "%action.option.MAX_POWER", value = "MAX_POWER"),
                    @Option(label = "%action.option.NO_CHARGING", value = "NO_CHARGING"),
                    @Option(label = "%action.option.MODE_FAST", value = "MODE_FAST"),
                    @Option(label = "%action.option.MODE_MIN_PV", value = "MODE_MIN_PV"),
                    @Option(label = "%action.option.MODE_PV_ONLY", value = "MODE_PV_ONLY") })
    RuleAction action() default RuleAction.MAX_CURRENT;

    @AttributeDefinition(name = "%value.name", description = "%value.description")
    double value() default 16;
}
