package org.chargingmanager.forecast.solar.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/forecastsolar", name = "%name", description = "%description")
public @interface ForecastSolarConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id() default "roof";

    @AttributeDefinition(name = "%latitude.name", description = "%latitude.description")
    double latitude() default 0;

    @AttributeDefinition(name = "%longitude.name", description = "%longitude.description")
    double longitude() default 0;

    @AttributeDefinition(name = "%declinationDegrees.name", description = "%declinationDegrees.description", min = "0", max = "90")
    double declinationDegrees() default 30;

    @AttributeDefinition(name = "%azimuthDegrees.name", description = "%azimuthDegrees.description", min = "-180", max = "180")
    double azimuthDegrees() default 0;

    @AttributeDefinition(name = "%kilowattPeak.name", description = "%kilowattPeak.description", min = "0")
    double kilowattPeak() default 0;

    @AttributeDefinition(name = "%url.name", description = "%url.description")
    String url() default "https://api.forecast.solar";

    @AttributeDefinition(name = "%_apiKey.name", description = "%_apiKey.description", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            required = false)
    String _apiKey() default "";

    @AttributeDefinition(name = "%refreshMinutes.name", description = "%refreshMinutes.description", min = "15")
    int refreshMinutes() default 60;
}
