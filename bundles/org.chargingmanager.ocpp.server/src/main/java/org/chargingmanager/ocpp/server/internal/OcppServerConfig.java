package org.chargingmanager.ocpp.server.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Settings of the OCPP server (PID {@code org.chargingmanager.ocpp.server}). */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/ocppserver", name = "%name", description = "%description")
public @interface OcppServerConfig {

    @AttributeDefinition(name = "%port.name", description = "%port.description")
    int port() default 19520;

    @AttributeDefinition(name = "%host.name", description = "%host.description")
    String host() default "";

    @AttributeDefinition(name = "%tls.name", description = "%tls.description",
            options = {@Option(label = "%tls.option.OFF", value = "OFF"), @Option(label = "%tls.option.DETECT", value = "DETECT"), @Option(label = "%tls.option.ON", value = "ON")})
    String tls() default "DETECT";

    @AttributeDefinition(name = "%certificateFile.name", description = "%certificateFile.description")
    String certificateFile() default "";

    @AttributeDefinition(name = "%serverCertificateNames.name", required = false, description = "%serverCertificateNames.description")
    String serverCertificateNames() default "";

    @AttributeDefinition(name = "%privateKeyFile.name", description = "%privateKeyFile.description")
    String privateKeyFile() default "";

    @AttributeDefinition(name = "%keyPassword.name", description = "%keyPassword.description", type = AttributeType.PASSWORD)
    String keyPassword() default "";

    @AttributeDefinition(name = "%serverPassword.name", description = "%serverPassword.description", type = AttributeType.PASSWORD)
    String serverPassword() default "";

    @AttributeDefinition(name = "%requireClientCertificate.name", description = "%requireClientCertificate.description")
    boolean requireClientCertificate() default false;

    @AttributeDefinition(name = "%clientCertificateMustNameChargeBoxId.name", description = "%clientCertificateMustNameChargeBoxId.description")
    boolean clientCertificateMustNameChargeBoxId() default true;

    @AttributeDefinition(name = "%clientCaFile.name", description = "%clientCaFile.description")
    String clientCaFile() default "";

    @AttributeDefinition(name = "%chargePointCaCertificateFile.name", description = "%chargePointCaCertificateFile.description")
    String chargePointCaCertificateFile() default "";

    @AttributeDefinition(name = "%chargePointCaKeyFile.name", description = "%chargePointCaKeyFile.description")
    String chargePointCaKeyFile() default "";

    @AttributeDefinition(name = "%chargePointCaKeyPassword.name", description = "%chargePointCaKeyPassword.description", type = AttributeType.PASSWORD)
    String chargePointCaKeyPassword() default "";

    @AttributeDefinition(name = "%chargePointCertificateValidityDays.name", description = "%chargePointCertificateValidityDays.description")
    int chargePointCertificateValidityDays() default 730;

    @AttributeDefinition(name = "%unknownChargePoints.name", description = "%unknownChargePoints.description",
            options = {@Option(label = "%unknownChargePoints.option.ACCEPT", value = "ACCEPT"),
                    @Option(label = "%unknownChargePoints.option.PENDING", value = "PENDING"),
                    @Option(label = "%unknownChargePoints.option.REJECT", value = "REJECT")})
    String unknownChargePoints() default "ACCEPT";

    @AttributeDefinition(name = "%authorizeWithoutAuthorizer.name", description = "%authorizeWithoutAuthorizer.description",
            options = {@Option(label = "%authorizeWithoutAuthorizer.option.ACCEPT", value = "ACCEPT"), @Option(label = "%authorizeWithoutAuthorizer.option.REJECT", value = "REJECT")})
    String authorizeWithoutAuthorizer() default "ACCEPT";

    @AttributeDefinition(name = "%heartbeatIntervalSeconds.name", description = "%heartbeatIntervalSeconds.description")
    int heartbeatIntervalSeconds() default 300;

    @AttributeDefinition(name = "%pingIntervalSeconds.name", description = "%pingIntervalSeconds.description")
    int pingIntervalSeconds() default 15;

    @AttributeDefinition(name = "%responseTimeoutSeconds.name", description = "%responseTimeoutSeconds.description")
    int responseTimeoutSeconds() default 30;

    @AttributeDefinition(name = "%maxMessageKib.name", description = "%maxMessageKib.description")
    int maxMessageKib() default 64;

    @AttributeDefinition(name = "%meterValueSampleIntervalSeconds.name", description = "%meterValueSampleIntervalSeconds.description")
    int meterValueSampleIntervalSeconds() default 10;

    @AttributeDefinition(name = "%chargingProfileStackLevel.name", description = "%chargingProfileStackLevel.description")
    int chargingProfileStackLevel() default 1;

    @AttributeDefinition(name = "%phases.name", description = "%phases.description")
    int phases() default 3;

    @AttributeDefinition(name = "%maxCurrentAmps.name", description = "%maxCurrentAmps.description")
    int maxCurrentAmps() default 32;

    @AttributeDefinition(name = "%clearChargingProfilesWhenDisabled.name", description = "%clearChargingProfilesWhenDisabled.description")
    boolean clearChargingProfilesWhenDisabled() default false;
}
