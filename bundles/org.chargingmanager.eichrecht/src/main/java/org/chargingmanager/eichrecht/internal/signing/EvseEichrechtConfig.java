package org.chargingmanager.eichrecht.internal.signing;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/eichrecht", name = "%name", description = "%description")
public @interface EvseEichrechtConfig {

    @AttributeDefinition(name = "%evseId.name", description = "%evseId.description")
    String evseId();

    @AttributeDefinition(name = "%meterPublicKey.name", required = false, description = "%meterPublicKey.description")
    String meterPublicKey() default "";

    @AttributeDefinition(name = "%signInternalReadings.name", description = "%signInternalReadings.description")
    boolean signInternalReadings() default false;

    @AttributeDefinition(name = "%internalSigningPublicKey.name", required = false, description = "%internalSigningPublicKey.description")
    String internalSigningPublicKey() default "";
}
