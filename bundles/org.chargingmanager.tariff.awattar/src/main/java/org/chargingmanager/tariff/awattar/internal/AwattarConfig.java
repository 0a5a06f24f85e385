package org.chargingmanager.tariff.awattar.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: aWATTar day-ahead prices",
        description = "Hourly market prices (EPEX spot) for Germany or Austria from aWATTar, for the variable PRICE and "
                + "tariff.price / tariff.rank_N in formulas and rules. The price per kWh is (market price + charges) "
                + "x (1 + VAT).")
public @interface AwattarConfig {

    @AttributeDefinition(name = "ID", description = "A short name for this tariff")
    String id() default "awattar";

    @AttributeDefinition(name = "URL", description = "aWATTar's market data API: https://api.awattar.de/v1/marketdata "
            + "for Germany, https://api.awattar.at/v1/marketdata for Austria")
    String url() default "https://api.awattar.de/v1/marketdata";

    @AttributeDefinition(name = "Charges per kWh (EUR)", description = "Added to the market price before VAT: grid "
            + "fee, levies, the supplier's margin; 0 for the bare market price")
    double chargesPerKilowattHour() default 0;

    @AttributeDefinition(name = "VAT (%)", description = "Applied to market price plus charges; 0 for net prices")
    double vatPercent() default 0;

    @AttributeDefinition(name = "Refresh (minutes)", description = "How often prices are fetched; aWATTar publishes "
            + "the next day around 13:00 and asks for fair use (about 100 requests a day)", min = "15", max = "1440")
    int refreshMinutes() default 60;

    @AttributeDefinition(name = "Ranking", description = "When several tariffs are configured, the site uses the one "
            + "with the highest ranking")
    int ranking() default 0;
}
