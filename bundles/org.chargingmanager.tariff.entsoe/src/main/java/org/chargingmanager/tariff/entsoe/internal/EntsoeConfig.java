package org.chargingmanager.tariff.entsoe.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/entsoe", name = "%name", description = "%description")
public @interface EntsoeConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id() default "entsoe";

    @AttributeDefinition(name = "%url.name", description = "%url.description")
    String url() default "https://web-api.tp.entsoe.eu/api";

    /** Property {@code .securityToken}: private, never shown in service properties or logged. */
    @AttributeDefinition(name = "%_securityToken.name", type = AttributeType.PASSWORD, description = "%_securityToken.description")
    String _securityToken() default "";

    @AttributeDefinition(name = "%biddingZone.name", description = "%biddingZone.description")
    String biddingZone() default "10Y1001A1001A82H";

    @AttributeDefinition(name = "%resolution.name", description = "%resolution.description",
            options = { @Option(label = "%resolution.option.PT15M", value = "PT15M"), @Option(label = "%resolution.option.PT60M", value = "PT60M") })
    String resolution() default "PT15M";

    @AttributeDefinition(name = "%chargesPerKilowattHour.name", description = "%chargesPerKilowattHour.description")
    double chargesPerKilowattHour() default 0;

    @AttributeDefinition(name = "%vatPercent.name", description = "%vatPercent.description")
    double vatPercent() default 0;

    @AttributeDefinition(name = "%refreshMinutes.name", description = "%refreshMinutes.description", min = "15", max = "1440")
    int refreshMinutes() default 60;

    @AttributeDefinition(name = "%ranking.name", description = "%ranking.description")
    int ranking() default 0;
}
