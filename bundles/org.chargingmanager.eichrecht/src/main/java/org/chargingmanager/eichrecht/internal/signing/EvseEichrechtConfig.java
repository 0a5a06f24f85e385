package org.chargingmanager.eichrecht.internal.signing;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: Eichrecht settings of a charging point",
        description = "The meter public key that signed meter values of this charging point are checked against, "
                + "and internal signing for tests.")
public @interface EvseEichrechtConfig {

    @AttributeDefinition(name = "EVSE ID", description = "ID of the charging point these settings belong to")
    String evseId();

    @AttributeDefinition(name = "Meter public key", required = false,
            description = "The meter's public key from a trusted source (type plate, manufacturer, Federal Network "
                    + "Agency list): hex DER SubjectPublicKeyInfo, hex raw X||Y, or PEM. A key entered here counts "
                    + "as confirmed. Leave empty to take the key from the first signed data (unconfirmed).")
    String meterPublicKey() default "";

    @AttributeDefinition(name = "Sign and store internal meter readings",
            description = "For tests: the charging manager signs the readings at the start and end of each "
                    + "transaction itself, with its own key pair (generated if none exists). Not calibration-law "
                    + "compliant billing data.")
    boolean signInternalReadings() default false;

    @AttributeDefinition(name = "Public key of the internal signing (shown)", required = false,
            description = "Filled in by the charging manager while internal signing is on: the public key (hex DER) "
                    + "that test software needs to verify the internally signed readings. Changing it has no effect.")
    String internalSigningPublicKey() default "";
}
