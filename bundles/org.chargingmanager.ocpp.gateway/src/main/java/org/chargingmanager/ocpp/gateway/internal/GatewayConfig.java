package org.chargingmanager.ocpp.gateway.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

/** One upstream connection: the charging points it presents to an OCPP backend as one charge point. */
@ObjectClassDefinition(name = "Charging Manager OCPP gateway",
        description = "Presents charging points to an external OCPP 1.6J backend as one charge point "
                + "(one configuration per backend connection).")
public @interface GatewayConfig {

    @AttributeDefinition(name = "Backend URL",
            description = "ws://host:port/path or wss://host:port/path of the backend (any path; the charge box ID "
                    + "is appended as the last segment unless 'Append charge box ID' is off)")
    String url();

    @AttributeDefinition(name = "Charge box ID", description = "The identity the backend knows this charge point by")
    String chargeBoxId();

    @AttributeDefinition(name = "Append charge box ID to the URL",
            description = "Off for backends that want the ID elsewhere (then put it into the URL yourself)")
    boolean appendChargeBoxId() default true;

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "HTTP Basic password (security profile 1 and 2); 40 hex digits are sent as the "
                    + "20-byte AuthorizationKey. Never logged.")
    String password() default "";

    @AttributeDefinition(name = "Charging points",
            description = "IDs of the charging points this charge point presents, each as one connector in order "
                    + "(e.g. sim-garage-1)")
    String[] evseIds() default {};

    @AttributeDefinition(name = "Pass through OCPP wallbox", required = false,
            description = "Charge box ID of an OCPP wallbox connected to our central system whose messages go to the "
                    + "backend: the backend decides its Authorize, StartTransaction, StopTransaction and DataTransfer; "
                    + "signed meter values and DataTransfer pass byte for byte. The charging points then name the "
                    + "wallbox's EVSEs the backend's charging profiles limit (empty: ocpp-<ID>-1)")
    String passThroughChargeBoxId() default "";

    @AttributeDefinition(name = "Fixed ID tag", required = false,
            description = "The idTag for sessions of wallboxes without an RFID reader; empty: a session waits "
                    + "for an RFID tag or a RemoteStartTransaction")
    String idTag() default "";

    @AttributeDefinition(name = "Offline authorization", description = "What a tag gets while the backend is away",
            options = { @Option(value = "ACCEPT", label = "Accept every tag"),
                    @Option(value = "ACCEPT_KNOWN", label = "Accept tags the backend accepted before"),
                    @Option(value = "REFUSE", label = "Refuse") })
    String offlineAuthorization() default "ACCEPT_KNOWN";

    @AttributeDefinition(name = "CA certificates file", required = false,
            description = "PEM file of the CA certificates the backend's certificate must chain to (security "
                    + "profile 2/3); empty: any certificate is accepted (the connection is encrypted, not authenticated)")
    String caCertificatesFile() default "";

    @AttributeDefinition(name = "Client certificate file", required = false,
            description = "PEM certificate (and chain) of this charge point for security profile 3")
    String clientCertificateFile() default "";

    @AttributeDefinition(name = "Client key file", required = false,
            description = "PEM PKCS#8 private key of the client certificate (BEGIN PRIVATE KEY)")
    String clientKeyFile() default "";

    @AttributeDefinition(name = "TLS only", description = "Refuse ws:// URLs (TLS 1.2 or 1.3 only)")
    boolean tlsOnly() default false;

    @AttributeDefinition(name = "Vendor", required = false,
            description = "chargePointVendor for BootNotification; empty: the wallbox's own")
    String chargePointVendor() default "";

    @AttributeDefinition(name = "Model", required = false,
            description = "chargePointModel for BootNotification; empty: the wallbox's own")
    String chargePointModel() default "";

    @AttributeDefinition(name = "Serial number", required = false,
            description = "chargePointSerialNumber for BootNotification; empty: the wallbox's own")
    String chargePointSerialNumber() default "";

    @AttributeDefinition(name = "Queue capacity",
            description = "How many transaction messages are kept while the backend is away; beyond it the oldest "
                    + "MeterValues are dropped (StartTransaction and StopTransaction never)")
    int queueCapacity() default 10000;

    @AttributeDefinition(name = "Response timeout (s)")
    int responseTimeoutSeconds() default 30;
}
