package org.chargingmanager.openhab.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/openhab", name = "%name", description = "%description")
public @interface OpenHabRestConfig {

    @AttributeDefinition(name = "%baseUrl.name", description = "%baseUrl.description")
    String baseUrl() default "http://localhost:8080";

    /** Property {@code .apiToken}: private (leading dot), never shown in service properties or logs. */
    @AttributeDefinition(name = "%_apiToken.name", type = AttributeType.PASSWORD, description = "%_apiToken.description")
    String _apiToken() default "";

    @AttributeDefinition(name = "%items.name", description = "%items.description")
    String[] items() default {};

    @AttributeDefinition(name = "%itemPrefix.name", description = "%itemPrefix.description")
    String itemPrefix() default "ChargingManager_";

    @AttributeDefinition(name = "%minIntervalMillis.name", description = "%minIntervalMillis.description")
    long minIntervalMillis() default 1000;

    @AttributeDefinition(name = "%pollMillis.name", description = "%pollMillis.description")
    long pollMillis() default 1000;

    @AttributeDefinition(name = "%nanAsUndef.name", description = "%nanAsUndef.description")
    boolean nanAsUndef() default true;

    @AttributeDefinition(name = "%checkMillis.name", description = "%checkMillis.description")
    long checkMillis() default 60000;

    @AttributeDefinition(name = "%retryMaxMillis.name", description = "%retryMaxMillis.description")
    long retryMaxMillis() default 60000;

    @AttributeDefinition(name = "%timeoutMillis.name", description = "%timeoutMillis.description")
    long timeoutMillis() default 5000;
}
