package org.chargingmanager.ocpp.gateway.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One upstream connection: the charging points it presents to an OCPP backend as one charge point. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/ocppgateway", name = "%name", description = "%description")
public @interface GatewayConfig {

    @AttributeDefinition(name = "%url.name", description = "%url.description")
    String url();

    @AttributeDefinition(name = "%chargeBoxId.name", description = "%chargeBoxId.description")
    String chargeBoxId();

    @AttributeDefinition(name = "%appendChargeBoxId.name", description = "%appendChargeBoxId.description")
    boolean appendChargeBoxId() default true;

    @AttributeDefinition(name = "%password.name", type = AttributeType.PASSWORD, required = false, description = "%password.description")
    String password() default "";

    @AttributeDefinition(name = "%evseIds.name", description = "%evseIds.description")
    String[] evseIds() default {};

    @AttributeDefinition(name = "%passThroughChargeBoxId.name", required = false, description = "%passThroughChargeBoxId.description")
    String passThroughChargeBoxId() default "";

    @AttributeDefinition(name = "%idTag.name", required = false, description = "%idTag.description")
    String idTag() default "";

    @AttributeDefinition(name = "%offlineAuthorization.name", description = "%offlineAuthorization.description",
            options = { @Option(value = "ACCEPT", label = "%offlineAuthorization.option.ACCEPT"),
                    @Option(value = "ACCEPT_KNOWN", label = "%offlineAuthorization.option.ACCEPT_KNOWN"),
                    @Option(value = "REFUSE", label = "%offlineAuthorization.option.REFUSE") })
    String offlineAuthorization() default "ACCEPT_KNOWN";

    @AttributeDefinition(name = "%caCertificatesFile.name", required = false, description = "%caCertificatesFile.description")
    String caCertificatesFile() default "";

    @AttributeDefinition(name = "%clientCertificateFile.name", required = false, description = "%clientCertificateFile.description")
    String clientCertificateFile() default "";

    @AttributeDefinition(name = "%clientKeyFile.name", required = false, description = "%clientKeyFile.description")
    String clientKeyFile() default "";

    @AttributeDefinition(name = "%tlsOnly.name", description = "%tlsOnly.description")
    boolean tlsOnly() default false;

    @AttributeDefinition(name = "%chargePointVendor.name", required = false, description = "%chargePointVendor.description")
    String chargePointVendor() default "";

    @AttributeDefinition(name = "%chargePointModel.name", required = false, description = "%chargePointModel.description")
    String chargePointModel() default "";

    @AttributeDefinition(name = "%chargePointSerialNumber.name", required = false, description = "%chargePointSerialNumber.description")
    String chargePointSerialNumber() default "";

    @AttributeDefinition(name = "%queueCapacity.name", description = "%queueCapacity.description")
    int queueCapacity() default 10000;

    @AttributeDefinition(name = "%responseTimeoutSeconds.name")
    int responseTimeoutSeconds() default 30;
}
