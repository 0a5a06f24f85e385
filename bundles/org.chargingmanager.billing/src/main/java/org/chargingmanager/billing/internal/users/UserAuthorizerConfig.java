package org.chargingmanager.billing.internal.users;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: RFID and PIN authorization",
        description = "Decides whether an RFID tag or PIN may charge: known users are accepted unless blocked, "
                + "expired or not allowed at that charging point.")
public @interface UserAuthorizerConfig {

    @AttributeDefinition(name = "Unknown RFID tags and PINs", description = "What to answer for a tag that "
            + "belongs to no user", options = {
                    @Option(label = "Reject (Invalid)", value = "REJECT"),
                    @Option(label = "Accept as anonymous (no user)", value = "ACCEPT_ANONYMOUS") })
    UnknownTagPolicy unknownTags() default UnknownTagPolicy.REJECT;

    enum UnknownTagPolicy {
        REJECT, ACCEPT_ANONYMOUS
    }
}
