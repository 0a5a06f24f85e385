package org.chargingmanager.billing.internal.users;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/userauthorizer", name = "%name", description = "%description")
public @interface UserAuthorizerConfig {

    @AttributeDefinition(name = "%unknownTags.name", description = "%unknownTags.description", options = {
                    @Option(label = "%unknownTags.option.REJECT", value = "REJECT"),
                    @Option(label = "%unknownTags.option.ACCEPT_ANONYMOUS", value = "ACCEPT_ANONYMOUS") })
    UnknownTagPolicy unknownTags() default UnknownTagPolicy.REJECT;

    enum UnknownTagPolicy {
        REJECT, ACCEPT_ANONYMOUS
    }
}
