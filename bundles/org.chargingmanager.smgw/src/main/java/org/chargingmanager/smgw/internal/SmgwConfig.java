package org.chargingmanager.smgw.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: smart meter gateway (SMGW) link",
        description = "The link to the SMGW's HAN interface. Function 2 (curtailment through the SMGW): a mutual-TLS "
                + "listener where the SMGW's CLS channel sets AVAIL and TARIF without a password. Function 1 (OCPP "
                + "through the SMGW): the OCPP gateway reaches its backend through the SMGW's CLS proxy. Each is "
                + "switched on by itself. See docs/grid-signals.md.")
public @interface SmgwConfig {

    @AttributeDefinition(name = "Curtailment through the SMGW: port", description = "Port of the mutual-TLS listener "
            + "(HTTPS, TLS 1.2+, client certificate required); 0: off", min = "0", max = "65535")
    int port() default 0;

    @AttributeDefinition(name = "Listen address", description = "The local address of the listener; 0.0.0.0 for all")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(name = "Our certificate (PEM or PKCS#12 file)", required = false, description = "Path of the "
            + "charging manager's certificate for the SMGW (PEM; or a .p12/.pfx file with key and chain); empty: a key pair, a self-signed certificate and a CSR "
            + "(for the gateway administrator to sign) are generated in data/smgw/ on first use")
    String certificate() default "";

    @AttributeDefinition(name = "PKCS#12 password", type = org.osgi.service.metatype.annotations.AttributeType.PASSWORD,
            required = false, description = "Password of a PKCS#12 file given as our certificate (.p12 or .pfx, key and "
                    + "chain in one file); never logged. Stored as the private property '.keystorePassword'")
    String _keystorePassword() default "";

    @AttributeDefinition(name = "Our private key (PEM file)", required = false, description = "Path of the key of "
            + "that certificate (unencrypted PEM, readable only by the charging manager); empty with the certificate")
    String privateKey() default "";

    @AttributeDefinition(name = "SMGW certificates (PEM file)", required = false, description = "Path of a PEM "
            + "file with the SMGW's HAN certificate(s) or their CA: only a peer presenting one of these (or one they "
            + "signed) is let in; empty: nobody")
    String trustedCertificates() default "";

    @AttributeDefinition(name = "Variables the SMGW may set", description = "Names, e.g. AVAIL and TARIF")
    String[] allowedVariables() default { "AVAIL", "TARIF" };

    @AttributeDefinition(name = "SMGW address", required = false, description = "The SMGW's HAN address on the home "
            + "network, e.g. 192.168.100.100 (for OCPP through the SMGW)")
    String smgwAddress() default "";

    @AttributeDefinition(name = "OCPP through the SMGW", description = "How the OCPP gateway's upstream connection "
            + "goes through the SMGW's CLS proxy: off, TLS with our client certificate (target by SNI), or SOCKS5",
            options = { @Option(label = "Off", value = "OFF"), @Option(label = "TLS (client certificate)", value = "TLS"),
                    @Option(label = "SOCKS5", value = "SOCKS5") })
    String ocppThroughSmgw() default "OFF";

    @AttributeDefinition(name = "CLS proxy port", description = "The port of the SMGW's CLS proxy", min = "0",
            max = "65535")
    int clsProxyPort() default 0;

    @AttributeDefinition(name = "Certificate subject", description = "The subject of a generated certificate and CSR")
    String certificateSubject() default "CN=chargingmanager";

    @AttributeDefinition(name = "Failsafe: lost after (s)", description = "The SMGW counts as lost when it has not "
            + "called (set or get_cm_vars as heartbeat) this long; 0: never lost", min = "0")
    int lostAfterSeconds() default 0;

    @AttributeDefinition(name = "Failsafe: AVAIL (%)", description = "AVAIL while the SMGW is lost", min = "0",
            max = "100")
    double failsafeAvailPercent() default 50;

    @AttributeDefinition(name = "Failsafe: minimum time (s)", min = "0")
    int failsafeMinimumSeconds() default 7200;
}
