package org.chargingmanager.smgw.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/smgw", name = "%name", description = "%description")
public @interface SmgwConfig {

    @AttributeDefinition(name = "%port.name", description = "%port.description", min = "0", max = "65535")
    int port() default 0;

    @AttributeDefinition(name = "%bindAddress.name", description = "%bindAddress.description")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(name = "%certificate.name", required = false, description = "%certificate.description")
    String certificate() default "";

    @AttributeDefinition(name = "%_keystorePassword.name", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            required = false, description = "%_keystorePassword.description")
    String _keystorePassword() default "";

    @AttributeDefinition(name = "%privateKey.name", required = false, description = "%privateKey.description")
    String privateKey() default "";

    @AttributeDefinition(name = "%trustedCertificates.name", required = false, description = "%trustedCertificates.description")
    String trustedCertificates() default "";

    @AttributeDefinition(name = "%allowedVariables.name", description = "%allowedVariables.description")
    String[] allowedVariables() default { "AVAIL", "TARIF" };

    @AttributeDefinition(name = "%smgwAddress.name", required = false, description = "%smgwAddress.description")
    String smgwAddress() default "";

    @AttributeDefinition(name = "%ocppThroughSmgw.name", description = "%ocppThroughSmgw.description",
            options = { @Option(label = "%ocppThroughSmgw.option.OFF", value = "OFF"), @Option(label = "%ocppThroughSmgw.option.TLS", value = "TLS"),
                    @Option(label = "%ocppThroughSmgw.option.SOCKS5", value = "SOCKS5") })
    String ocppThroughSmgw() default "OFF";

    @AttributeDefinition(name = "%clsProxyPort.name", description = "%clsProxyPort.description", min = "0", max = "65535")
    int clsProxyPort() default 0;

    @AttributeDefinition(name = "%certificateSubject.name", description = "%certificateSubject.description")
    String certificateSubject() default "CN=chargingmanager";

    @AttributeDefinition(name = "%lostAfterSeconds.name", description = "%lostAfterSeconds.description", min = "0")
    int lostAfterSeconds() default 0;

    @AttributeDefinition(name = "%failsafeAvailPercent.name", description = "%failsafeAvailPercent.description", min = "0", max = "100")
    double failsafeAvailPercent() default 50;

    @AttributeDefinition(name = "%failsafeMinimumSeconds.name", min = "0")
    int failsafeMinimumSeconds() default 7200;
}
