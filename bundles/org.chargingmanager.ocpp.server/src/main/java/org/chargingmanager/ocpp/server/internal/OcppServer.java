package org.chargingmanager.ocpp.server.internal;

import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.billing.UserDirectory;
import org.chargingmanager.api.billing.UserDirectoryException;
import org.chargingmanager.ocpp.server.ChargePointStatus;
import org.chargingmanager.ocpp.server.LocalListSynchronization;
import org.chargingmanager.ocpp.server.OcppCallException;
import org.chargingmanager.ocpp.server.OcppCentralSystem;
import org.chargingmanager.ocpp.server.Reservation;
import org.chargingmanager.ocpp.v16.ConfigurationStatus;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.Ocpp16JsonCodec;
import org.chargingmanager.ocpp.v16.RemoteStopTransactionRequest;
import org.chargingmanager.ocpp.v16.Request;
import org.chargingmanager.ocpp.v16.ReserveNowRequest;
import org.chargingmanager.ocpp.v16.Role;
import org.chargingmanager.ocpp.v16.TriggerMessageStatus;
import org.eclipse.jetty.server.ConnectionFactory;
import org.eclipse.jetty.server.DetectorConnectionFactory;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.server.handler.ContextHandler;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.websocket.server.WebSocketUpgradeHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The OCPP 1.6J central system: an embedded Jetty 12 with one connector (plain, TLS, or both
 * detected on the same port) and a WebSocket endpoint on every path, plus a one-second timer for
 * pings, response timeouts and boot triggers. Usable without OSGi (tests, load generator).
 */
public final class OcppServer implements OcppCentralSystem {

    /** Read size and first size of a message's builder; frames beyond it take more reads. */
    static final int INPUT_BUFFER_BYTES = 1024;
    private static final Logger LOG = LoggerFactory.getLogger(OcppServer.class);

    private final ServerSettings settings;
    private final ChargePointRegistry registry;
    private final PasswordStore passwords;
    private final ScheduledExecutorService scheduler;
    /**
     * Only the one-second tick (pings, timeouts, dead connections): set-ups and limits run on
     * {@link #scheduler}, so thousands of them queued in a reconnect storm cannot delay pings.
     */
    private final ScheduledExecutorService ticker;
    private final Backends backends;
    private final ChargePointSecurity security;
    private final SecurityProfileStore securityProfiles;
    private final SecurityProfileUpgrade profileUpgrade;
    private Server jetty;
    private ServerConnector connector;
    /** Set while {@link #restoreInTheBackground()} runs, done when it has. */
    private volatile CompletableFuture<Void> restoring;
    /** Bound but not taking connections yet ({@link #holdConnections()}). */
    private volatile boolean held;
    private HandshakeLimit handshakes;
    /** Ids for {@link #reserveNow}: unique within a run and, seeded from the clock, across restarts. */
    private final java.util.concurrent.atomic.AtomicInteger reservationIds =
            new java.util.concurrent.atomic.AtomicInteger((int) (System.currentTimeMillis() / 1000 % 1_000_000_000));

    public OcppServer(ServerSettings settings, Backends backends, EvseRegistrar evseRegistrar) throws IOException {
        this(settings, CertificateAuthoritySettings.generated(), backends, evseRegistrar);
    }

    public OcppServer(ServerSettings settings, CertificateAuthoritySettings caSettings, Backends backends,
            EvseRegistrar evseRegistrar) throws IOException {
        this.settings = settings;
        this.backends = backends;
        this.scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ocpp-server-timer");
            thread.setDaemon(true);
            return thread;
        });
        this.ticker = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "ocpp-server-tick");
            thread.setDaemon(true);
            return thread;
        });
        this.passwords = new PasswordStore(settings.dataDirectory().resolve("ocpp-server").resolve("passwords.properties"));
        this.securityProfiles = new SecurityProfileStore(
                settings.dataDirectory().resolve("ocpp-server").resolve("security-profiles.properties"));
        this.registry = new ChargePointRegistry(settings,
                new RegistrationStore(settings.dataDirectory().resolve("ocpp-server").resolve("charge-points.properties")),
                securityProfiles, evseRegistrar, scheduler, backends);
        this.profileUpgrade = new SecurityProfileUpgrade(settings, passwords, securityProfiles);
        this.security = new ChargePointSecurity(settings.dataDirectory(), caSettings, passwords);
        registry.handler().security(security);
    }

    /**
     * The server's worker threads: enough for the moments a CALL blocks (a transaction committed
     * to the billing database), few enough that a reconnect storm cannot make hundreds of them
     * runnable at once. With Jetty's default of 200 on 2 cores, a storm sometimes had 130 runnable
     * threads; every safepoint then waited up to 0.8 s for all of them to be scheduled, and the
     * boot round trip's p99 went from 0.6 s to 5 s (see docs/benchmarks.md).
     */
    static int maxThreads(int processors) {
        return Math.min(200, Math.max(32, 16 * processors));
    }

    public void start() throws Exception {
        QueuedThreadPool threads = new QueuedThreadPool(maxThreads(Runtime.getRuntime().availableProcessors()), 8);
        threads.setName("ocpp-server");
        jetty = new Server(threads);
        HttpConfiguration http = new HttpConfiguration();
        http.setSendServerVersion(false);
        http.setSendXPoweredBy(false);
        // received frames are unmasked and decoded from UTF-8 byte by byte: on a heap buffer that
        // is a plain array loop, on a direct buffer a bounds-checked call per byte (a fifth of the
        // CPU samples at 15,000 chargers were in it; the CALLs per CPU second did not measurably
        // change, see docs/benchmarks.md)
        http.setUseInputDirectByteBuffers(false);
        HttpConnectionFactory plain = new HttpConnectionFactory(http);
        ConnectionFactory[] factories;
        if (settings.tlsMode().tls()) {
            SecureRequestCustomizer secure = new SecureRequestCustomizer(false);
            http.addCustomizer(secure);
            SslContextFactory.Server tls = tlsContext();
            SslConnectionFactory ssl = new SslConnectionFactory(tls, plain.getProtocol());
            factories = settings.tlsMode() == TlsMode.ON ? new ConnectionFactory[] {ssl, plain}
                    : new ConnectionFactory[] {new DetectorConnectionFactory(ssl), plain};
        } else {
            factories = new ConnectionFactory[] {plain};
        }
        connector = new ServerConnector(jetty, 1, -1, factories);
        connector.setPort(settings.port());
        if (settings.host() != null && !settings.host().isBlank()) {
            connector.setHost(settings.host());
        }
        connector.setIdleTimeout(settings.deadAfter().plusSeconds(30).toMillis());
        connector.setAcceptQueueSize(1024);
        ServerConnector acceptor = connector;
        handshakes = new HandshakeLimit(new HandshakeLimit.Acceptor() {
            @Override
            public boolean isAccepting() {
                return acceptor.isAccepting();
            }

            @Override
            public void setAccepting(boolean accepting) {
                acceptor.setAccepting(accepting);
            }
        });
        connector.addEventListener(handshakes);
        jetty.addConnector(connector);
        Ocpp16JsonCodec codec = Ocpp16JsonCodec.forRole(Role.CENTRAL_SYSTEM);
        UpgradeGate gate = new UpgradeGate(registry, passwords, securityProfiles, codec);
        ContextHandler context = new ContextHandler("/");
        WebSocketUpgradeHandler webSockets = WebSocketUpgradeHandler.from(jetty, context, container -> {
            // Jetty starts a text message's builder at the input buffer size (4 KiB by default), a new
            // one per message; OCPP frames are mostly a few hundred bytes, larger ones still arrive
            container.setInputBufferSize(INPUT_BUFFER_BYTES);
            container.setMaxTextMessageSize(settings.maxMessageBytes());
            container.setMaxBinaryMessageSize(settings.maxMessageBytes());
            container.setMaxFrameSize(settings.maxMessageBytes());
            container.setIdleTimeout(settings.deadAfter().plusSeconds(30));
            container.addMapping("/*", gate);
        });
        context.setHandler(webSockets);
        jetty.setHandler(context);
        if (held) {
            restoreInTheBackground();
            handshakes.hold();
        } else {
            restoreKnownChargePoints();
        }
        jetty.start();
        ticker.scheduleWithFixedDelay(() -> {
            try {
                handshakes.check();
                registry.tick(Instant.now());
            } catch (RuntimeException e) {
                LOG.warn("OCPP timer failed", e);
            }
        }, 1, 1, TimeUnit.SECONDS);
        if (held) {
            LOG.info("OCPP server bound to port {}: takes connections once everything has started", port());
        } else {
            logListening();
        }
    }

    private void logListening() {
        LOG.info("OCPP server listening on port {} (TLS {}{})", port(), settings.tlsMode(),
                settings.requireClientCertificate() ? ", client certificates required" : "");
    }

    /**
     * Makes {@link #start()} bind the port without taking connections until
     * {@link #releaseConnections()}: chargers that connect meanwhile wait in the kernel's accept
     * queue. Meanwhile the known charge points' EVSEs are registered in a thread of their own.
     * Binding at once keeps a taken port an error of the start.
     */
    public void holdConnections() {
        held = true;
    }

    /** Takes connections from now on, once the known charge points' EVSEs are registered. */
    public void releaseConnections() {
        if (!held) {
            return;
        }
        restoring.join();
        held = false;
        handshakes.release();
        logListening();
    }

    private void restoreInTheBackground() {
        restoring = new CompletableFuture<>();
        Thread thread = new Thread(() -> {
            try {
                restoreKnownChargePoints();
            } finally {
                restoring.complete(null);
            }
        }, "ocpp-server-restore");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * The EVSEs of the known charge points are registered (OFFLINE) before the server takes connections: the load
     * manager reserves current for a charging point that may still draw while its charger has not
     * reconnected, and the reconnect storm after a restart does not also carry thousands of
     * registrations (15,000 chargers: see docs/benchmarks.md).
     */
    private void restoreKnownChargePoints() {
        long started = System.nanoTime();
        try {
            int count = registry.restore();
            LOG.info("OCPP server: the EVSEs of {} known charge points registered in {} ms", count,
                    (System.nanoTime() - started) / 1_000_000);
        } catch (RuntimeException e) {
            LOG.warn("OCPP server: the EVSEs of the known charge points could not all be registered", e);
        }
    }

    private SslContextFactory.Server tlsContext() throws IOException, GeneralSecurityException {
        // the charge-point CA signs charge point certificates, so it is trusted for them
        boolean clientCertificates = settings.requireClientCertificate() || settings.clientCaFile() != null;
        return TlsSetup.contextFactory(settings, clientCertificates ? security.ca().chain() : List.of());
    }

    /** The port bound: the configured one, or the one picked for port 0. */
    public int port() {
        return connector.getLocalPort();
    }

    /** Whether the connector takes new connections now (false while {@link HandshakeLimit} holds them back). */
    boolean accepting() {
        return connector.isAccepting();
    }

    public void stop() {
        if (restoring != null) {
            restoring.join();
        }
        ticker.shutdownNow();
        scheduler.shutdownNow();
        registry.closeAll();
        if (handshakes != null) {
            handshakes.stop();
        }
        if (jetty != null) {
            try {
                jetty.stop();
            } catch (Exception e) {
                LOG.warn("OCPP server did not stop cleanly", e);
            }
        }
        LOG.info("OCPP server stopped");
    }

    void setServerPassword(char[] password) throws IOException {
        passwords.setServerPassword(password);
    }

    @Override
    public List<ChargePointStatus> chargePoints() {
        return registry.all().stream().map(ChargePoint::status)
                .sorted(Comparator.comparing(ChargePointStatus::chargeBoxId)).toList();
    }

    @Override
    public Optional<ChargePointStatus> chargePoint(String chargeBoxId) {
        return registry.find(chargeBoxId).map(ChargePoint::status);
    }

    /** For tests in this package. */
    ChargePointRegistry registry() {
        return registry;
    }

    @Override
    public CompletionStage<Confirmation> send(String chargeBoxId, Request request) {
        Optional<ChargePoint> chargePoint = registry.find(chargeBoxId);
        if (chargePoint.isEmpty()) {
            return CompletableFuture.failedFuture(new OcppCallException("Offline", chargeBoxId + " is not known"));
        }
        LOG.info("chargeBox={} operator sends {}", chargeBoxId, request.action().wireName());
        return chargePoint.get().call(request).thenApply(confirmation -> {
            chargePoint.get().reservations.answered(request, confirmation);
            return confirmation;
        });
    }

    @Override
    public List<Reservation> reservations(String chargeBoxId) {
        return registry.find(chargeBoxId).map(cp -> cp.reservations.active(Instant.now())).orElse(List.of());
    }

    @Override
    public CompletionStage<Confirmation> reserveNow(String chargeBoxId, int connectorId, String idTag,
            String parentIdTag, Instant expiryDate) {
        return send(chargeBoxId, new ReserveNowRequest(connectorId, expiryDate, idTag, parentIdTag,
                reservationIds.incrementAndGet()));
    }

    @Override
    public CompletionStage<Confirmation> remoteStart(String chargeBoxId, Integer connectorId, String idTag) {
        Optional<ChargePoint> chargePoint = registry.find(chargeBoxId);
        if (chargePoint.isEmpty()) {
            return CompletableFuture.failedFuture(new OcppCallException("Offline", chargeBoxId + " is not known"));
        }
        return send(chargeBoxId, RemoteStart.request(chargePoint.get(), connectorId, idTag));
    }

    @Override
    public CompletionStage<Confirmation> remoteStop(String chargeBoxId, int connectorId) {
        Optional<ChargePoint> chargePoint = registry.find(chargeBoxId);
        Integer transactionId = chargePoint.map(cp -> cp.transactions.get(connectorId)).orElse(null);
        if (transactionId == null) {
            return CompletableFuture.failedFuture(new OcppCallException("NoTransaction",
                    chargeBoxId + " connector " + connectorId + " has no running transaction"));
        }
        return send(chargeBoxId, new RemoteStopTransactionRequest(transactionId));
    }

    @Override
    public boolean approve(String chargeBoxId) {
        return registry.approve(chargeBoxId);
    }

    @Override
    public void setChargePointPassword(String chargeBoxId, char[] password) {
        try {
            passwords.setChargePointPassword(chargeBoxId, password);
            LOG.info("chargeBox={} password {}", chargeBoxId, password.length == 0 ? "removed" : "set");
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public CompletionStage<LocalListSynchronization> synchronizeLocalList(String chargeBoxId) {
        Optional<ChargePoint> chargePoint = registry.find(chargeBoxId);
        if (chargePoint.isEmpty()) {
            return CompletableFuture.failedFuture(new OcppCallException("Offline", chargeBoxId + " is not known"));
        }
        Optional<UserDirectory> users = backends.userDirectory();
        if (users.isEmpty()) {
            return CompletableFuture.failedFuture(new OcppCallException("NoUserDirectory",
                    "no user directory is installed (the billing bundle)"));
        }
        try {
            return LocalListSync.synchronize(chargePoint.get(), users.get().list());
        } catch (UserDirectoryException e) {
            return CompletableFuture.failedFuture(new OcppCallException("NoUserDirectory",
                    "the user directory is not available: " + e.getMessage()));
        }
    }

    @Override
    public CompletionStage<ConfigurationStatus> changeChargePointPassword(String chargeBoxId) {
        char[] password = ChargePointSecurity.generatePassword();
        try {
            return changeChargePointPassword(chargeBoxId, password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
    }

    @Override
    public CompletionStage<ConfigurationStatus> changeChargePointPassword(String chargeBoxId, char[] password) {
        Optional<ChargePoint> chargePoint = registry.find(chargeBoxId);
        if (chargePoint.isEmpty()) {
            return ChargePointSecurity.offline(chargeBoxId);
        }
        return security.changePassword(chargePoint.get(), password);
    }

    @Override
    public List<X509Certificate> serverCertificates() {
        if (!settings.tlsMode().tls()) {
            return List.of();
        }
        try {
            char[] password = java.util.UUID.randomUUID().toString().toCharArray();
            java.security.KeyStore store = ServerKeyMaterial.load(settings, password);
            List<X509Certificate> chain = new java.util.ArrayList<>();
            for (java.security.cert.Certificate certificate : store.getCertificateChain(ServerKeyMaterial.ALIAS)) {
                chain.add((X509Certificate) certificate);
            }
            return chain;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the server certificate is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public List<X509Certificate> chargePointCaCertificates() {
        try {
            return security.ca().chain();
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalStateException("the charge-point CA is not available: " + e.getMessage(), e);
        }
    }

    @Override
    public CompletionStage<TriggerMessageStatus> renewChargePointCertificate(String chargeBoxId) {
        Optional<ChargePoint> chargePoint = registry.find(chargeBoxId);
        if (chargePoint.isEmpty()) {
            return ChargePointSecurity.offline(chargeBoxId);
        }
        return security.renewCertificate(chargePoint.get());
    }

    @Override
    public CompletionStage<ConfigurationStatus> upgradeSecurityProfile(String chargeBoxId, int profile) {
        Optional<ChargePoint> chargePoint = registry.find(chargeBoxId);
        if (chargePoint.isEmpty()) {
            return ChargePointSecurity.offline(chargeBoxId);
        }
        return profileUpgrade.upgrade(chargePoint.get(), profile);
    }

    @Override
    public void setMinimumSecurityProfile(String chargeBoxId, int profile) {
        try {
            profileUpgrade.setMinimum(chargeBoxId, profile);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Override
    public int minimumSecurityProfile(String chargeBoxId) {
        return securityProfiles.minimum(chargeBoxId);
    }

    @Override
    public CompletionStage<Confirmation> clearChargingProfiles(String chargeBoxId) {
        Optional<ChargePoint> chargePoint = registry.find(chargeBoxId);
        if (chargePoint.isEmpty()) {
            return CompletableFuture.failedFuture(new OcppCallException("Offline", chargeBoxId + " is not known"));
        }
        return chargePoint.get().smartCharging.clearAll();
    }
}
