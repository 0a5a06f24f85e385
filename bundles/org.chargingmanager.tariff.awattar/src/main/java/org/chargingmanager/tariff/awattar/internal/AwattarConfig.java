package org.chargingmanager.tariff.awattar.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/awattar", name = "%name", description = "%description")
public @interface AwattarConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id() default "awattar";

    @AttributeDefinition(name = "%url.name", description = "%url.description")
    String url() default "https://api.awattar.de/v1/marketdata";

    @AttributeDefinition(name = "%chargesPerKilowattHour.name", description = "%chargesPerKilowattHour.description")
    double chargesPerKilowattHour() default 0;

    @AttributeDefinition(name = "%vatPercent.name", description = "%vatPercent.description")
    double vatPercent() default 0;

    @AttributeDefinition(name = "%refreshMinutes.name", description = "%refreshMinutes.description", min = "15", max = "1440")
    int refreshMinutes() default 60;

    @AttributeDefinition(name = "%ranking.name", description = "%ranking.description")
    int ranking() default 0;
}
