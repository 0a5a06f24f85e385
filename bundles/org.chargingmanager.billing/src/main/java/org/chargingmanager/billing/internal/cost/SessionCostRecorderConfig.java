package org.chargingmanager.billing.internal.cost;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/sessioncost", name = "%name", description = "%description")
public @interface SessionCostRecorderConfig {

    @AttributeDefinition(name = "%enabled.name")
    boolean enabled() default true;

    @AttributeDefinition(name = "%pollMillis.name", min = "100")
    long pollMillis() default 1000;

    @AttributeDefinition(name = "%maxReadingSeconds.name", description = "%maxReadingSeconds.description", min = "10", max = "900")
    int maxReadingSeconds() default 60;
}
