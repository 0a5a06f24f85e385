package org.chargingmanager.tariff.fixed.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: fixed price or time-of-use tariff",
        description = "A price per kWh, optionally different at times of the week (a night rate, HT/NT). The site "
                + "reads it as the variable PRICE and as tariff.price / tariff.rank_N in formulas and rules.")
public @interface FixedTariffConfig {

    @AttributeDefinition(name = "ID", description = "A short name for this tariff, such as 'night-rate'")
    String id() default "fixed";

    @AttributeDefinition(name = "Name", description = "Shown to users", required = false)
    String name() default "Fixed price";

    @AttributeDefinition(name = "Price per kWh", description = "What a kWh from the grid costs outside the periods "
            + "below, taxes included")
    double importPricePerKilowattHour() default 0.30;

    @AttributeDefinition(name = "Periods", description = "Times of the week with another price, one per line, such "
            + "as 'Mon-Fri 22:00-06:00 0.22' or 'Sat,Sun 00:00-24:00 0.22'; the first matching line wins",
            required = false)
    String[] periods() default {};

    @AttributeDefinition(name = "Feed-in price per kWh", description = "What a kWh fed into the grid earns; empty "
            + "if not known", required = false)
    String feedInPricePerKilowattHour() default "";

    @AttributeDefinition(name = "Currency", description = "ISO 4217 code of the prices")
    String currency() default "EUR";

    @AttributeDefinition(name = "Time zone", description = "The time zone of the periods; empty for the system's",
            required = false)
    String timeZone() default "";

    @AttributeDefinition(name = "Ranking", description = "When several tariffs are configured, the site uses the one "
            + "with the highest ranking")
    int ranking() default 0;
}
