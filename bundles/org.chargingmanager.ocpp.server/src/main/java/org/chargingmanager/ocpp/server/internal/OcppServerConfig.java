package org.chargingmanager.ocpp.server.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** Settings of the OCPP server (PID {@code org.chargingmanager.ocpp.server}). */
@ObjectClassDefinition(name = "Charging Manager OCPP server",
        description = "OCPP 1.6J central system that wallboxes connect to: ws://host:port/ChargeBoxID or wss://...")
public @interface OcppServerConfig {

    @AttributeDefinition(name = "OCPP Server Port", description = "TCP port for ws:// and wss:// (default 19520)")
    int port() default 19520;

    @AttributeDefinition(name = "Listen address", description = "IP address to bind; empty for every interface")
    String host() default "";

    @AttributeDefinition(name = "OCPP Server TLS", description = "Off: plain ws:// only. Detect: ws:// and wss:// on the same port. On: wss:// only.",
            options = {@Option(label = "Off", value = "OFF"), @Option(label = "Detect", value = "DETECT"), @Option(label = "On", value = "ON")})
    String tls() default "DETECT";

    @AttributeDefinition(name = "Server certificate file", description = "Own certificate (chain) as PEM, or a PKCS#12 file (.p12/.pfx). Empty: a self-signed certificate is generated on first start")
    String certificateFile() default "";

    @AttributeDefinition(name = "Server certificate names", required = false, description = "Host names and IP addresses, separated by commas, that the generated self-signed certificate names besides this machine's host name, its .local name and its current IP addresses (e.g. cm.example.org, 192.168.178.42). Changing them generates a new certificate; wallboxes that trust the old one must get the new one")
    String serverCertificateNames() default "";

    @AttributeDefinition(name = "Private key file", description = "Private key as PEM (PKCS#8, PKCS#1 or SEC1) for a PEM certificate; empty for PKCS#12")
    String privateKeyFile() default "";

    @AttributeDefinition(name = "Key password", description = "Password of the PKCS#12 file or of an encrypted PEM key", type = AttributeType.PASSWORD)
    String keyPassword() default "";

    @AttributeDefinition(name = "OCPP server password", description = "Optional HTTP Basic password for every charge point (user = charge box ID; security profiles 1 and 2). Stored as a salted hash; the plain text is removed from this configuration", type = AttributeType.PASSWORD)
    String serverPassword() default "";

    @AttributeDefinition(name = "Require client certificates", description = "Security profile 3: charge points must present a certificate signed by one of the CA certificates below; plain ws:// is refused")
    boolean requireClientCertificate() default false;

    @AttributeDefinition(name = "Client certificate must name the charge box ID", description = "Security profile 3: the common name (CN) of a charge point's certificate must be its charge box ID, so one wallbox's certificate cannot open another wallbox's connection. Switch off only for certificates of your own CA that name the wallbox differently (e.g. by serial number)")
    boolean clientCertificateMustNameChargeBoxId() default true;

    @AttributeDefinition(name = "Client CA certificates", description = "PEM file with the CA certificates that sign charge point certificates")
    String clientCaFile() default "";

    @AttributeDefinition(name = "Charge-point CA certificate", description = "PEM file with the CA certificate (then its issuers) that signs the certificates charge points request with SignCertificate (security profile 3). Empty: a CA is generated on first use in the data directory (ocpp-server/charge-point-ca.pem)")
    String chargePointCaCertificateFile() default "";

    @AttributeDefinition(name = "Charge-point CA private key", description = "PEM file with the private key of the charge-point CA certificate above")
    String chargePointCaKeyFile() default "";

    @AttributeDefinition(name = "Charge-point CA key password", description = "Password of an encrypted charge-point CA key", type = AttributeType.PASSWORD)
    String chargePointCaKeyPassword() default "";

    @AttributeDefinition(name = "Charge point certificate validity (days)", description = "How long a certificate signed for a charge point is valid")
    int chargePointCertificateValidityDays() default 730;

    @AttributeDefinition(name = "Unknown charge box IDs", description = "What happens when an unknown charge box ID boots",
            options = {@Option(label = "Accept and register as new EVSEs", value = "ACCEPT"),
                    @Option(label = "Register as pending until the admin approves", value = "PENDING"),
                    @Option(label = "Reject", value = "REJECT")})
    String unknownChargePoints() default "ACCEPT";

    @AttributeDefinition(name = "Authorize without user service", description = "Answer to Authorize/StartTransaction when no user (RFID) service is installed",
            options = {@Option(label = "Accept every RFID", value = "ACCEPT"), @Option(label = "Reject every RFID", value = "REJECT")})
    String authorizeWithoutAuthorizer() default "ACCEPT";

    @AttributeDefinition(name = "Heartbeat interval (s)", description = "Sent in BootNotification.conf")
    int heartbeatIntervalSeconds() default 300;

    @AttributeDefinition(name = "Ping interval (s)", description = "WebSocket ping to each charge point; one that answers nothing for three intervals is taken offline")
    int pingIntervalSeconds() default 15;

    @AttributeDefinition(name = "Response timeout (s)", description = "How long a charge point has to answer our CALL")
    int responseTimeoutSeconds() default 30;

    @AttributeDefinition(name = "Maximum message size (KiB)", description = "Larger frames close the connection with code 1009")
    int maxMessageKib() default 64;

    @AttributeDefinition(name = "Meter value sample interval (s)", description = "Set as MeterValueSampleInterval on connect; 0 leaves the charger's setting")
    int meterValueSampleIntervalSeconds() default 10;

    @AttributeDefinition(name = "Charging profile stack level", description = "Stack level of our charging profiles (capped at the charger's ChargeProfileMaxStackLevel)")
    int chargingProfileStackLevel() default 1;

    @AttributeDefinition(name = "Phases", description = "Phases a wallbox is wired with (1 or 3), for EVSEs and power limits in W")
    int phases() default 3;

    @AttributeDefinition(name = "Maximum current (A)", description = "Largest current per phase of an OCPP EVSE")
    int maxCurrentAmps() default 32;

    @AttributeDefinition(name = "Clear charging profiles when disabled", description = "When the load manager disables an EVSE, remove every charging profile from the station so it works without the charging manager")
    boolean clearChargingProfilesWhenDisabled() default false;
}
