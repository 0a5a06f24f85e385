package org.chargingmanager.mqtt.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.Collection;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.chargingmanager.api.evse.ChargingMode;
import org.chargingmanager.api.evse.ChargingModes;
import org.chargingmanager.api.plan.ChargingPlanRequest;
import org.chargingmanager.api.plan.ChargingPlans;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variables;
import org.eclipse.paho.client.mqttv3.IMqttActionListener;
import org.eclipse.paho.client.mqttv3.IMqttDeliveryToken;
import org.eclipse.paho.client.mqttv3.IMqttToken;
import org.eclipse.paho.client.mqttv3.MqttAsyncClient;
import org.eclipse.paho.client.mqttv3.MqttCallbackExtended;
import org.eclipse.paho.client.mqttv3.MqttConnectOptions;
import org.eclipse.paho.client.mqttv3.MqttException;
import org.eclipse.paho.client.mqttv3.MqttMessage;
import org.eclipse.paho.client.mqttv3.persist.MemoryPersistence;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The publisher without OSGi: one Paho connection per Homie device (its last will is
 * {@code $state = lost}), a poll of the site every {@code pollInterval} that publishes what
 * changed, {@code /set} of variables, and reconnection with back-off (1 s doubling to 60 s) after
 * which everything is published again.
 *
 * <p>Everything but Paho's callbacks runs on one thread of its own; the callbacks only hand work to
 * it, so Paho's threads never wait for a publish.
 */
final class HomieBridge implements MqttCallbackExtended {

    static final Duration MINIMUM_VALUE_INTERVAL = Duration.ofSeconds(1);
    static final Duration FIRST_RETRY = Duration.ofSeconds(1);
    static final Duration LAST_RETRY = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(HomieBridge.class);

    private final MqttSettings settings;
    private final Supplier<ChargingModes> modes;
    private final Supplier<ChargingPlans> plans;
    private final Supplier<SiteState> site;
    private final Variables variables;
    private final Clock clock;
    private final Duration pollInterval;
    private final ScheduledExecutorService executor;
    private final HomieDevice device;
    private final AtomicInteger refusedSets = new AtomicInteger();
    private final AtomicInteger acceptedSets = new AtomicInteger();
    private final AtomicInteger polls = new AtomicInteger();
    private final AtomicInteger connects = new AtomicInteger();

    // the fields below belong to the executor's thread
    private MqttAsyncClient client;
    private MqttConnectOptions options;
    private SiteState lastState;
    private boolean described;
    private boolean stopped;
    private Duration nextRetry = FIRST_RETRY;
    private String lastProblem;
    private Instant lastRefusalLogged;
    private int refusalsNotLogged;
    private boolean siteProblemLogged;

    HomieBridge(MqttSettings settings, Supplier<SiteState> site, Variables variables, Clock clock, Duration pollInterval) {
        this(settings, site, variables, () -> null, clock, pollInterval);
    }

    /** @param modes the charging modes for {@code evse-.../mode/set}, or a supplier of {@code null} while there are none */
    HomieBridge(MqttSettings settings, Supplier<SiteState> site, Variables variables, Supplier<ChargingModes> modes,
            Clock clock, Duration pollInterval) {
        this(settings, site, variables, modes, () -> null, clock, pollInterval);
    }

    /** @param plans the charging plans for {@code evse-.../plan/set}, or a supplier of {@code null} while there are none */
    HomieBridge(MqttSettings settings, Supplier<SiteState> site, Variables variables, Supplier<ChargingModes> modes,
            Supplier<ChargingPlans> plans, Clock clock, Duration pollInterval) {
        this.modes = modes;
        this.plans = plans;
        this.settings = settings;
        this.site = site;
        this.variables = variables;
        this.clock = clock;
        this.pollInterval = pollInterval;
        this.executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chargingmanager-mqtt");
            thread.setDaemon(true);
            return thread;
        });
        HomeAssistantDiscovery homeAssistant = settings.homeAssistantDiscovery() ? new HomeAssistantDiscovery(
                settings.homeAssistantPrefix(), settings.baseTopic(), settings.deviceId(), settings.deviceName()) : null;
        this.device = new HomieDevice(settings.baseTopic(), settings.deviceId(), settings.deviceName(), this::publish,
                clock, MINIMUM_VALUE_INTERVAL, homeAssistant);
    }

    /** Connects (in the background) and starts polling. */
    void start() {
        executor.execute(() -> {
            try {
                client = new MqttAsyncClient(settings.brokerUrl(), settings.clientId(), new MemoryPersistence());
                client.setCallback(this);
                options = options();
            } catch (MqttException | IOException | GeneralSecurityException | IllegalArgumentException e) {
                LOG.error("MQTT: cannot use {}: {}; not connecting", settings, describe(e));
                stopped = true;
                return;
            }
            connect();
        });
        executor.scheduleWithFixedDelay(this::poll, pollInterval.toMillis(), pollInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    /** Publishes {@code $state = disconnected}, disconnects and waits for it (at most a few seconds). */
    void stop() {
        try {
            executor.submit(() -> {
                stopped = true;
                if (client == null) {
                    return;
                }
                try {
                    if (client.isConnected()) {
                        IMqttDeliveryToken token = client.publish(device.stateTopic(),
                                "disconnected".getBytes(StandardCharsets.UTF_8), 1, true);
                        token.waitForCompletion(2000);
                        client.disconnect(2000).waitForCompletion(3000);
                    }
                } catch (MqttException e) {
                    LOG.debug("MQTT: disconnecting: {}", describe(e));
                }
                try {
                    client.close(true);
                } catch (MqttException e) {
                    LOG.debug("MQTT: closing: {}", describe(e));
                }
            }).get(8, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (ExecutionException | TimeoutException e) {
            LOG.warn("MQTT: did not disconnect cleanly: {}", e.toString());
        } finally {
            executor.shutdownNow();
        }
    }

    int refusedSets() {
        return refusedSets.get();
    }

    int acceptedSets() {
        return acceptedSets.get();
    }

    /** How many polls have run (for tests). */
    int polls() {
        return polls.get();
    }

    /** How many times the connection was made (for tests). */
    int connects() {
        return connects.get();
    }

    int valuesPublished() {
        return device.valuesPublished();
    }

    /** Runs a poll now (in the bridge's thread). */
    void pollSoon() {
        executor.execute(this::poll);
    }

    private MqttConnectOptions options() throws IOException, GeneralSecurityException {
        MqttConnectOptions connectOptions = new MqttConnectOptions();
        connectOptions.setMqttVersion(MqttConnectOptions.MQTT_VERSION_3_1_1);
        connectOptions.setCleanSession(true);
        connectOptions.setAutomaticReconnect(false); // our own back-off, also for the first connect
        connectOptions.setKeepAliveInterval(30);
        connectOptions.setConnectionTimeout(10);
        connectOptions.setMaxInflight(10_000); // the whole description goes out at once after a connect
        connectOptions.setWill(device.stateTopic(), "lost".getBytes(StandardCharsets.UTF_8), 1, true);
        if (!settings.username().isEmpty()) {
            connectOptions.setUserName(settings.username());
            connectOptions.setPassword(settings.password().clone());
        }
        if (settings.tls() && settings.caCertificateFile() != null) {
            connectOptions.setSocketFactory(sslContext().getSocketFactory());
        }
        return connectOptions;
    }

    private SSLContext sslContext() throws IOException, GeneralSecurityException {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        Collection<? extends Certificate> certificates;
        try (InputStream input = Files.newInputStream(settings.caCertificateFile())) {
            certificates = CertificateFactory.getInstance("X.509").generateCertificates(input);
        }
        if (certificates.isEmpty()) {
            throw new GeneralSecurityException("no certificate in " + settings.caCertificateFile());
        }
        int i = 0;
        for (Certificate certificate : certificates) {
            trusted.setCertificateEntry("ca-" + i++, certificate);
        }
        TrustManagerFactory factory = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        factory.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, factory.getTrustManagers(), null);
        return context;
    }

    private void connect() {
        if (stopped) {
            return;
        }
        try {
            client.connect(options, null, new IMqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    executor.execute(HomieBridge.this::connected);
                }

                @Override
                public void onFailure(IMqttToken token, Throwable exception) {
                    executor.execute(() -> retryLater(exception));
                }
            });
        } catch (MqttException e) {
            retryLater(e);
        }
    }

    private void retryLater(Throwable problem) {
        if (stopped) {
            return;
        }
        String text = describe(problem);
        if (!text.equals(lastProblem)) {
            LOG.warn("MQTT: cannot connect to {}: {}; retrying with back-off up to {} s (logged again when the "
                    + "reason changes)", settings.brokerUrl(), text, LAST_RETRY.toSeconds());
            lastProblem = text;
        }
        Duration delay = nextRetry;
        nextRetry = nextRetry.multipliedBy(2).compareTo(LAST_RETRY) > 0 ? LAST_RETRY : nextRetry.multipliedBy(2);
        executor.schedule(this::connect, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void connected() {
        if (stopped) {
            return;
        }
        try {
            client.subscribe(new String[] { device.setTopicFilter(), device.modeTopicFilter(), device.planTopicFilter() },
                    new int[] { 1, 1, 1 });
        } catch (MqttException e) {
            LOG.warn("MQTT: cannot subscribe to {}, {} and {}: {}", device.setTopicFilter(), device.modeTopicFilter(),
                    device.planTopicFilter(), describe(e));
        }
        nextRetry = FIRST_RETRY;
        int count = connects.incrementAndGet();
        LOG.info("MQTT: {} {} as '{}'{}; publishing {}/{}", count == 1 ? "connected to" : "connected again to",
                settings.brokerUrl(), settings.clientId(), settings.username().isEmpty() ? ""
                        : " (user '" + settings.username() + "')", settings.baseTopic(), settings.deviceId());
        lastProblem = null;
        described = false;
        poll();
    }

    @Override
    public void connectComplete(boolean reconnect, String serverURI) {
        // connected() runs from the connect's listener, for the first connect and every reconnect
    }

    @Override
    public void connectionLost(Throwable cause) {
        executor.execute(() -> {
            described = false;
            if (stopped) {
                return;
            }
            LOG.warn("MQTT: lost the connection to {}: {}; reconnecting", settings.brokerUrl(), describe(cause));
            lastProblem = describe(cause);
            retryLater(cause);
        });
    }

    @Override
    public void messageArrived(String topic, MqttMessage message) {
        byte[] payload = message.getPayload();
        boolean retained = message.isRetained();
        executor.execute(() -> set(topic, payload, retained));
    }

    @Override
    public void deliveryComplete(IMqttDeliveryToken token) {
        // QoS 1: nothing to do
    }

    private void poll() {
        if (stopped) {
            return;
        }
        polls.incrementAndGet();
        if (client == null || !client.isConnected()) {
            return;
        }
        try {
            SiteState state = site.get();
            lastState = state;
            if (described) {
                device.update(state);
            } else {
                device.publishAll(state);
                described = true;
            }
        } catch (PublishException e) {
            described = false; // everything again at the next poll or connect
            LOG.debug("MQTT: publishing failed: {}", e.getMessage());
        } catch (RuntimeException e) {
            if (!siteProblemLogged) {
                LOG.warn("MQTT: reading the site failed (logged once until it works again)", e);
                siteProblemLogged = true;
            }
            return;
        }
        siteProblemLogged = false;
    }

    private void publish(String topic, String payload) {
        try {
            client.publish(topic, payload.getBytes(StandardCharsets.UTF_8), 1, true);
        } catch (MqttException e) {
            throw new PublishException(topic + ": " + describe(e));
        }
    }

    private void set(String topic, byte[] payload, boolean retained) {
        if (stopped) {
            return;
        }
        if (retained) {
            refuse(topic, "it is a retained message (a /set must be sent without retain, or it would be applied again "
                    + "at every connect)");
            return;
        }
        String modeNode = device.modeNodeOf(topic);
        if (modeNode != null) {
            setMode(topic, modeNode, payload);
            return;
        }
        String planNode = device.planNodeOf(topic);
        if (planNode != null) {
            setPlan(topic, planNode, payload);
            return;
        }
        String id = device.settablePropertyOf(topic);
        String name = id == null || lastState == null ? null : lastState.variableNames().get(id);
        if (name == null) {
            refuse(topic, "there is no such variable");
            return;
        }
        String value;
        try {
            value = Payloads.parseFloat(payload);
        } catch (IllegalArgumentException e) {
            refuse(topic, e.getMessage());
            return;
        }
        try {
            variables.set(name, value);
        } catch (InvalidExpressionException e) {
            refuse(topic, e.getMessage());
            return;
        } catch (RuntimeException e) {
            refuse(topic, e.toString());
            return;
        }
        acceptedSets.incrementAndGet();
        LOG.info("MQTT: variable {} set to {} over {}", name, value, topic);
        poll();
    }

    private void setMode(String topic, String node, byte[] payload) {
        ChargingModes chargingModes = modes.get();
        String evseId = lastState == null ? null : lastState.evseIds().get(node);
        if (chargingModes == null || evseId == null) {
            refuse(topic, "there is no such charging point");
            return;
        }
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        ChargingMode mode;
        try {
            mode = ChargingMode.valueOf(text.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            refuse(topic, "'" + Payloads.printable(text, 40) + "' is not a charging mode (FAST, MIN_PV, PV_ONLY, OFF)");
            return;
        }
        try {
            chargingModes.setMode(evseId, mode, "MQTT");
        } catch (IOException | RuntimeException e) {
            refuse(topic, "the settings cannot be stored: " + e.getMessage());
            return;
        }
        acceptedSets.incrementAndGet();
        poll();
    }

    /** {@code 20 kWh by 07:00} sets the charging point's plan, {@code none} (or nothing) removes it. */
    private void setPlan(String topic, String node, byte[] payload) {
        ChargingPlans chargingPlans = plans.get();
        String evseId = lastState == null ? null : lastState.evseIds().get(node);
        if (chargingPlans == null || evseId == null) {
            refuse(topic, "there is no such charging point");
            return;
        }
        String text = new String(payload, StandardCharsets.UTF_8).trim();
        try {
            if (text.isEmpty() || text.equalsIgnoreCase("none")) {
                chargingPlans.removePlan(evseId, "MQTT");
            } else {
                chargingPlans.setPlan(ChargingPlanRequest.fromText(evseId, text, ZonedDateTime.now(clock)), "MQTT");
            }
        } catch (IllegalArgumentException e) {
            refuse(topic, "'" + Payloads.printable(text, 60) + "': " + e.getMessage());
            return;
        } catch (IOException | RuntimeException e) {
            refuse(topic, "the plan cannot be stored: " + e.getMessage());
            return;
        }
        acceptedSets.incrementAndGet();
        poll();
    }

    /** One WARN line per refused set, at most one a second (the others are counted into the next). */
    private void refuse(String topic, String reason) {
        refusedSets.incrementAndGet();
        Instant now = clock.instant();
        if (lastRefusalLogged != null && now.isBefore(lastRefusalLogged.plusSeconds(1))) {
            refusalsNotLogged++;
            LOG.debug("MQTT: refused a set on {}: {}", Payloads.printable(topic, 200), reason);
            return;
        }
        LOG.warn("MQTT: refused a set on {}: {}; nothing changed{}", Payloads.printable(topic, 200), reason,
                refusalsNotLogged == 0 ? "" : " (and " + refusalsNotLogged + " more refused since the last such line)");
        lastRefusalLogged = now;
        refusalsNotLogged = 0;
    }

    private String describe(Throwable problem) {
        if (problem instanceof MqttException mqtt) {
            switch (mqtt.getReasonCode()) {
                case MqttException.REASON_CODE_FAILED_AUTHENTICATION:
                    return "the broker refused the user name or password" + (settings.username().isEmpty() ? " (none set)"
                            : " of user '" + settings.username() + "'");
                case MqttException.REASON_CODE_NOT_AUTHORIZED:
                    return "the broker does not authorize " + (settings.username().isEmpty() ? "anonymous clients"
                            : "user '" + settings.username() + "'");
                case MqttException.REASON_CODE_INVALID_CLIENT_ID:
                    return "the broker refused the client ID '" + settings.clientId() + "'";
                case MqttException.REASON_CODE_SERVER_CONNECT_ERROR:
                    return "the broker is unreachable" + (mqtt.getCause() == null ? "" : " (" + mqtt.getCause() + ")");
                default:
                    return mqtt.getMessage() + " (reason " + mqtt.getReasonCode() + ")"
                            + (mqtt.getCause() == null ? "" : ": " + mqtt.getCause());
            }
        }
        return problem == null ? "unknown" : problem.toString();
    }

    /** A publish failed; the bridge publishes everything again. */
    static final class PublishException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        PublishException(String message) {
            super(message);
        }
    }
}
