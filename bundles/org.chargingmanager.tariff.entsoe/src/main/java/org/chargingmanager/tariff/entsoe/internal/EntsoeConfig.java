package org.chargingmanager.tariff.entsoe.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: ENTSO-E day-ahead prices",
        description = "Day-ahead market prices of a bidding zone from the ENTSO-E Transparency Platform, for the "
                + "variable PRICE and tariff.price / tariff.rank_N. The price per kWh is (market price + charges) x "
                + "(1 + VAT).")
public @interface EntsoeConfig {

    @AttributeDefinition(name = "ID", description = "A short name for this tariff")
    String id() default "entsoe";

    @AttributeDefinition(name = "URL", description = "The Transparency Platform's API")
    String url() default "https://web-api.tp.entsoe.eu/api";

    /** Property {@code .securityToken}: private, never shown in service properties or logged. */
    @AttributeDefinition(name = "Security token", type = AttributeType.PASSWORD,
            description = "The token of your Transparency Platform account (asked for by e-mail to ENTSO-E)")
    String _securityToken() default "";

    @AttributeDefinition(name = "Bidding zone (EIC)", description = "For example 10Y1001A1001A82H for Germany and "
            + "Luxembourg, 10YAT-APG------L for Austria")
    String biddingZone() default "10Y1001A1001A82H";

    @AttributeDefinition(name = "Resolution", description = "Which prices to take where the zone publishes both",
            options = { @Option(label = "15 minutes", value = "PT15M"), @Option(label = "1 hour", value = "PT60M") })
    String resolution() default "PT15M";

    @AttributeDefinition(name = "Charges per kWh (EUR)", description = "Added to the market price before VAT: grid "
            + "fee, levies, the supplier's margin; 0 for the bare market price")
    double chargesPerKilowattHour() default 0;

    @AttributeDefinition(name = "VAT (%)", description = "Applied to market price plus charges; 0 for net prices")
    double vatPercent() default 0;

    @AttributeDefinition(name = "Refresh (minutes)", description = "How often prices are fetched; the next day's "
            + "appear after the 12:00 auction", min = "15", max = "1440")
    int refreshMinutes() default 60;

    @AttributeDefinition(name = "Ranking", description = "When several tariffs are configured, the site uses the one "
            + "with the highest ranking")
    int ranking() default 0;
}
