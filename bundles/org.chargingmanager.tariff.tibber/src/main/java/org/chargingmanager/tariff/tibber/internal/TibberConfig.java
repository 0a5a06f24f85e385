package org.chargingmanager.tariff.tibber.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/tibber", name = "%name", description = "%description")
public @interface TibberConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id() default "tibber";

    @AttributeDefinition(name = "%url.name", description = "%url.description")
    String url() default "https://api.tibber.com/v1-beta/gql";

    /** Property {@code .token}: private, never shown in service properties or logged. */
    @AttributeDefinition(name = "%_token.name", type = AttributeType.PASSWORD, description = "%_token.description")
    String _token() default "";

    @AttributeDefinition(name = "%homeId.name", description = "%homeId.description", required = false)
    String homeId() default "";

    @AttributeDefinition(name = "%resolution.name", description = "%resolution.description",
            options = { @Option(label = "%resolution.option.QUARTER_HOURLY", value = "QUARTER_HOURLY"),
                    @Option(label = "%resolution.option.HOURLY", value = "HOURLY") })
    String resolution() default "QUARTER_HOURLY";

    @AttributeDefinition(name = "%refreshMinutes.name", description = "%refreshMinutes.description", min = "15", max = "1440")
    int refreshMinutes() default 60;

    @AttributeDefinition(name = "%ranking.name", description = "%ranking.description")
    int ranking() default 0;
}
