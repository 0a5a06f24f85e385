package org.chargingmanager.ocpp.server.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.Dictionary;
import java.util.Hashtable;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

import org.chargingmanager.api.billing.Authorizer;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.UserDirectory;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.platform.DataDirectory;
import org.chargingmanager.ocpp.server.ChargePointStatus;
import org.chargingmanager.ocpp.relay.ChargePointUplink;
import org.chargingmanager.ocpp.server.DataTransferHandler;
import org.chargingmanager.ocpp.server.LocalListSynchronization;
import org.chargingmanager.ocpp.server.OcppCentralSystem;
import org.chargingmanager.ocpp.server.Reservation;
import org.chargingmanager.ocpp.v16.ConfigurationStatus;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.Request;
import org.chargingmanager.ocpp.v16.TriggerMessageStatus;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCPP server as a DS component (PID {@code org.chargingmanager.ocpp.server}). Without a
 * configuration it runs with the defaults; the framework property
 * {@code chargingmanager.ocpp.port} replaces the default port 19520 (tests, several instances);
 * a port configured to anything else wins over it.
 */
@Component(name = "org.chargingmanager.ocpp.server", configurationPid = "org.chargingmanager.ocpp.server",
        configurationPolicy = ConfigurationPolicy.OPTIONAL, service = OcppCentralSystem.class, immediate = true)
@Designate(ocd = OcppServerConfig.class)
public final class OcppServerComponent implements OcppCentralSystem, Backends {

    static final String PORT_PROPERTY = "chargingmanager.ocpp.port";
    static final int DEFAULT_PORT = 19520;
    private static final Logger LOG = LoggerFactory.getLogger(OcppServerComponent.class);

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authorizer authorizer;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile TransactionLog transactionLog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile TrustedKeys trustedKeys;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC, policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserDirectory userDirectory;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC)
    private volatile ConfigurationAdmin configurationAdmin;

    private final DataTransferHandlers dataTransferHandlers = new DataTransferHandlers();
    private final DataDirectory dataDirectory;
    private final OcppServer server;
    /** Takes connections once the framework has started (see {@link AfterFrameworkStart}). */
    private final AfterFrameworkStart opening = new AfterFrameworkStart();

    @Activate
    public OcppServerComponent(BundleContext context, OcppServerConfig config, Map<String, Object> properties,
            @Reference DataDirectory dataDirectory) throws Exception {
        this.dataDirectory = dataDirectory;
        ServerSettings settings = settings(config, properties, context, dataDirectory.path());
        this.server = new OcppServer(settings, caSettings(config), this, evse -> {
            Dictionary<String, Object> serviceProperties = new Hashtable<>();
            serviceProperties.put(Evse.ID_PROPERTY, evse.info().id());
            serviceProperties.put(Evse.DRIVER_PROPERTY, "ocpp");
            ServiceRegistration<Evse> registration = context.registerService(Evse.class, evse, serviceProperties);
            return () -> {
                try {
                    registration.unregister();
                } catch (IllegalStateException alreadyGone) {
                    // the bundle stopped first
                }
            };
        });
        if (!config.serverPassword().isEmpty()) {
            server.setServerPassword(config.serverPassword().toCharArray());
        }
        boolean frameworkStarting = AfterFrameworkStart.frameworkStarting(context);
        if (frameworkStarting) {
            server.holdConnections();
        }
        try {
            server.start();
        } catch (Exception e) {
            server.stop(); // the EVSEs registered so far, the timers
            throw e;
        }
        if (frameworkStarting) {
            opening.run(context, server::releaseConnections);
        }
        if (!config.serverPassword().isEmpty()) {
            removePlainPassword(properties);
        }
    }

    static ServerSettings settings(OcppServerConfig config, Map<String, Object> properties, BundleContext context,
            Path dataDirectory) {
        int port = config.port();
        String override = context.getProperty(PORT_PROPERTY);
        if (port == DEFAULT_PORT && override != null && !override.isBlank()) {
            port = Integer.parseInt(override.trim());
        }
        return new ServerSettings(port, config.host(), TlsMode.valueOf(config.tls().trim().toUpperCase(Locale.ROOT)),
                dataDirectory, path(config.certificateFile()), path(config.privateKeyFile()),
                config.keyPassword().toCharArray(), config.requireClientCertificate(), path(config.clientCaFile()),
                UnknownChargePointPolicy.valueOf(config.unknownChargePoints().trim().toUpperCase(Locale.ROOT)),
                !"REJECT".equalsIgnoreCase(config.authorizeWithoutAuthorizer().trim()),
                Duration.ofSeconds(Math.max(10, config.heartbeatIntervalSeconds())),
                Duration.ofSeconds(Math.max(1, config.pingIntervalSeconds())),
                Duration.ofSeconds(Math.max(1, config.responseTimeoutSeconds())),
                Math.max(1, config.maxMessageKib()) * 1024, Duration.ofSeconds(Math.max(0, config.meterValueSampleIntervalSeconds())),
                config.chargingProfileStackLevel(), config.phases() == 1 ? 1 : 3, Math.max(6, config.maxCurrentAmps()) * 1000,
                config.clearChargingProfilesWhenDisabled(), Duration.ofSeconds(5),
                config.clientCertificateMustNameChargeBoxId(), ServerCertificateNames.parse(config.serverCertificateNames()));
    }

    static CertificateAuthoritySettings caSettings(OcppServerConfig config) {
        return new CertificateAuthoritySettings(path(config.chargePointCaCertificateFile()), path(config.chargePointCaKeyFile()),
                config.chargePointCaKeyPassword().toCharArray(),
                Duration.ofDays(Math.max(1, config.chargePointCertificateValidityDays())));
    }

    private static Path path(String value) {
        return value == null || value.isBlank() ? null : Path.of(value.trim());
    }

    /** The password is hashed into the data directory; the configuration keeps no plain text. */
    private void removePlainPassword(Map<String, Object> properties) {
        ConfigurationAdmin admin = configurationAdmin;
        Object pid = properties.get(Constants.SERVICE_PID);
        if (admin == null || pid == null) {
            LOG.warn("OCPP server password is hashed, but the plain text stays in the configuration (no ConfigurationAdmin)");
            return;
        }
        try {
            Configuration configuration = admin.getConfiguration(pid.toString(), null);
            Dictionary<String, Object> current = configuration.getProperties();
            if (current != null && current.get("serverPassword") != null) {
                current.remove("serverPassword");
                configuration.updateIfDifferent(current);
            }
        } catch (IOException | RuntimeException e) {
            LOG.warn("OCPP server password is hashed, but it could not be removed from the configuration: {}", e.toString());
        }
    }

    private final Map<String, ChargePointUplink> uplinks = new java.util.concurrent.ConcurrentHashMap<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeUplink")
    void addUplink(ChargePointUplink uplink, Map<String, Object> properties) {
        Object id = properties.get(ChargePointUplink.CHARGE_BOX_ID);
        if (id != null) {
            uplinks.put(id.toString(), uplink);
        }
    }

    void removeUplink(ChargePointUplink uplink, Map<String, Object> properties) {
        Object id = properties.get(ChargePointUplink.CHARGE_BOX_ID);
        if (id != null) {
            uplinks.remove(id.toString(), uplink);
        }
    }

    @Override
    public Optional<ChargePointUplink> uplink(String chargeBoxId) {
        return Optional.ofNullable(uplinks.get(chargeBoxId));
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC, unbind = "removeDataTransferHandler")
    void addDataTransferHandler(DataTransferHandler handler, Map<String, Object> properties) {
        dataTransferHandlers.add(handler, properties);
    }

    void removeDataTransferHandler(DataTransferHandler handler) {
        dataTransferHandlers.remove(handler);
    }

    @Override
    public Optional<UserDirectory> userDirectory() {
        return Optional.ofNullable(userDirectory);
    }

    @Override
    public CompletionStage<LocalListSynchronization> synchronizeLocalList(String chargeBoxId) {
        return server.synchronizeLocalList(chargeBoxId);
    }

    @Override
    public Optional<DataTransferHandler> dataTransferHandler(String vendorId) {
        return dataTransferHandlers.find(vendorId);
    }

    @Deactivate
    void deactivate() {
        opening.cancel();
        server.stop();
    }

    @Override
    public Optional<Authorizer> authorizer() {
        return Optional.ofNullable(authorizer);
    }

    @Override
    public Optional<TransactionLog> transactionLog() {
        return Optional.ofNullable(transactionLog);
    }

    @Override
    public Optional<TrustedKeys> trustedKeys() {
        return Optional.ofNullable(trustedKeys);
    }

    @Override
    public List<ChargePointStatus> chargePoints() {
        return server.chargePoints();
    }

    @Override
    public Optional<ChargePointStatus> chargePoint(String chargeBoxId) {
        return server.chargePoint(chargeBoxId);
    }

    @Override
    public CompletionStage<Confirmation> send(String chargeBoxId, Request request) {
        return server.send(chargeBoxId, request);
    }

    @Override
    public List<Reservation> reservations(String chargeBoxId) {
        return server.reservations(chargeBoxId);
    }

    @Override
    public CompletionStage<Confirmation> reserveNow(String chargeBoxId, int connectorId, String idTag,
            String parentIdTag, java.time.Instant expiryDate) {
        return server.reserveNow(chargeBoxId, connectorId, idTag, parentIdTag, expiryDate);
    }

    @Override
    public CompletionStage<Confirmation> remoteStart(String chargeBoxId, Integer connectorId, String idTag) {
        return server.remoteStart(chargeBoxId, connectorId, idTag);
    }

    @Override
    public CompletionStage<Confirmation> remoteStop(String chargeBoxId, int connectorId) {
        return server.remoteStop(chargeBoxId, connectorId);
    }

    @Override
    public boolean approve(String chargeBoxId) {
        return server.approve(chargeBoxId);
    }

    @Override
    public void setChargePointPassword(String chargeBoxId, char[] password) {
        server.setChargePointPassword(chargeBoxId, password);
    }

    @Override
    public CompletionStage<ConfigurationStatus> changeChargePointPassword(String chargeBoxId) {
        return server.changeChargePointPassword(chargeBoxId);
    }

    @Override
    public CompletionStage<ConfigurationStatus> changeChargePointPassword(String chargeBoxId, char[] password) {
        return server.changeChargePointPassword(chargeBoxId, password);
    }

    @Override
    public CompletionStage<ConfigurationStatus> upgradeSecurityProfile(String chargeBoxId, int profile) {
        return server.upgradeSecurityProfile(chargeBoxId, profile);
    }

    @Override
    public void setMinimumSecurityProfile(String chargeBoxId, int profile) {
        server.setMinimumSecurityProfile(chargeBoxId, profile);
    }

    @Override
    public int minimumSecurityProfile(String chargeBoxId) {
        return server.minimumSecurityProfile(chargeBoxId);
    }

    @Override
    public List<X509Certificate> serverCertificates() {
        return server.serverCertificates();
    }

    @Override
    public List<X509Certificate> chargePointCaCertificates() {
        return server.chargePointCaCertificates();
    }

    @Override
    public CompletionStage<TriggerMessageStatus> renewChargePointCertificate(String chargeBoxId) {
        return server.renewChargePointCertificate(chargeBoxId);
    }

    @Override
    public CompletionStage<Confirmation> clearChargingProfiles(String chargeBoxId) {
        return server.clearChargingProfiles(chargeBoxId);
    }
}
