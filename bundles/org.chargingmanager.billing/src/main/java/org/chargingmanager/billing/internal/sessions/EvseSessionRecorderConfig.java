package org.chargingmanager.billing.internal.sessions;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/sessionrecorder", name = "%name", description = "%description")
public @interface EvseSessionRecorderConfig {

    @AttributeDefinition(name = "%enabled.name")
    boolean enabled() default true;

    @AttributeDefinition(name = "%ignoredDrivers.name", description = "%ignoredDrivers.description")
    String[] ignoredDrivers() default { "ocpp" };

    @AttributeDefinition(name = "%pollMillis.name", min = "100")
    long pollMillis() default 1000;
}
