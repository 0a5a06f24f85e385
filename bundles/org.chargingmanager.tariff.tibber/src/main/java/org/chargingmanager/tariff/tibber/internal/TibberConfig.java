package org.chargingmanager.tariff.tibber.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: Tibber prices",
        description = "The prices of a Tibber contract (energy and tax, as billed), for the variable PRICE and "
                + "tariff.price / tariff.rank_N in formulas and rules.")
public @interface TibberConfig {

    @AttributeDefinition(name = "ID", description = "A short name for this tariff")
    String id() default "tibber";

    @AttributeDefinition(name = "URL", description = "Tibber's GraphQL API")
    String url() default "https://api.tibber.com/v1-beta/gql";

    /** Property {@code .token}: private, never shown in service properties or logged. */
    @AttributeDefinition(name = "Access token", type = AttributeType.PASSWORD,
            description = "The personal access token from developer.tibber.com")
    String _token() default "";

    @AttributeDefinition(name = "Home ID", description = "Which home's contract, for an account with several; empty "
            + "for the first one with a contract", required = false)
    String homeId() default "";

    @AttributeDefinition(name = "Resolution", description = "Tibber bills quarter-hourly prices since October 2025",
            options = { @Option(label = "15 minutes", value = "QUARTER_HOURLY"),
                    @Option(label = "1 hour", value = "HOURLY") })
    String resolution() default "QUARTER_HOURLY";

    @AttributeDefinition(name = "Refresh (minutes)", description = "How often prices are fetched; tomorrow's appear "
            + "in the early afternoon", min = "15", max = "1440")
    int refreshMinutes() default 60;

    @AttributeDefinition(name = "Ranking", description = "When several tariffs are configured, the site uses the one "
            + "with the highest ranking")
    int ranking() default 0;
}
