package org.chargingmanager.tariff.fixed.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/fixedtariff", name = "%name", description = "%description")
public @interface FixedTariffConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id() default "fixed";

    @AttributeDefinition(name = "%name.name", description = "%name.description", required = false)
    String name() default "Fixed price";

    @AttributeDefinition(name = "%importPricePerKilowattHour.name", description = "%importPricePerKilowattHour.description")
    double importPricePerKilowattHour() default 0.30;

    @AttributeDefinition(name = "%periods.name", description = "%periods.description", required = false)
    String[] periods() default {};

    @AttributeDefinition(name = "%feedInPricePerKilowattHour.name", description = "%feedInPricePerKilowattHour.description", required = false)
    String feedInPricePerKilowattHour() default "";

    @AttributeDefinition(name = "%currency.name", description = "%currency.description")
    String currency() default "EUR";

    @AttributeDefinition(name = "%timeZone.name", description = "%timeZone.description", required = false)
    String timeZone() default "";

    @AttributeDefinition(name = "%ranking.name", description = "%ranking.description")
    int ranking() default 0;
}
