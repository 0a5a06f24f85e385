package org.chargingmanager.forecast.solar.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: PV forecast from Forecast.Solar",
        description = "The expected production of one roof (one plane of modules) from forecast.solar, for charging "
                + "plans: hours with PV surplus are planned at the feed-in price. Without an API key the service allows "
                + "12 calls an hour per address; the forecast is fetched once an hour.")
public @interface ForecastSolarConfig {

    @AttributeDefinition(name = "Name", description = "A short name for the log, e.g. roof-south")
    String id() default "roof";

    @AttributeDefinition(name = "Latitude", description = "Of the roof, in degrees (-90 to 90), e.g. 52.52")
    double latitude() default 0;

    @AttributeDefinition(name = "Longitude", description = "Of the roof, in degrees (-180 to 180), e.g. 13.40")
    double longitude() default 0;

    @AttributeDefinition(name = "Tilt (°)", description = "Of the modules: 0 flat, 90 vertical", min = "0", max = "90")
    double declinationDegrees() default 30;

    @AttributeDefinition(name = "Orientation (°)", description = "Azimuth of the modules: -90 east, 0 south, 90 west, "
            + "180 north", min = "-180", max = "180")
    double azimuthDegrees() default 0;

    @AttributeDefinition(name = "Peak power (kWp)", description = "Of the modules on this plane", min = "0")
    double kilowattPeak() default 0;

    @AttributeDefinition(name = "Service URL", description = "Forecast.Solar's API; change only for a local copy or tests")
    String url() default "https://api.forecast.solar";

    @AttributeDefinition(name = "API key", description = "A personal or professional account's key (optional; "
            + "more calls, longer forecasts)", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            required = false)
    String _apiKey() default "";

    @AttributeDefinition(name = "Refresh (min)", description = "How often the forecast is fetched", min = "15")
    int refreshMinutes() default 60;
}
