package org.chargingmanager.smgw.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

import javax.net.ssl.SSLContext;

import org.chargingmanager.api.grid.ClsProxy;
import org.chargingmanager.api.grid.GridSignalSource;
import org.chargingmanager.api.grid.GridSignals;
import org.chargingmanager.api.grid.GridSourceInfo;
import org.chargingmanager.api.grid.GridSourceInfo.FailsafeSettings;
import org.chargingmanager.api.platform.DataDirectory;
import org.chargingmanager.api.variables.Variables;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.ConfigurationPolicy;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The SMGW link (configuration {@code org.chargingmanager.smgw}). Function 2, curtailment: the mutual-TLS listener
 * and the grid-signal source {@code smgw}, while the port is set. Function 1, OCPP through the SMGW: the
 * {@link ClsProxy} service, while switched on. A setting that cannot be used is logged once and switches off the
 * function it belongs to.
 */
@Component(configurationPid = SmgwLink.PID, configurationPolicy = ConfigurationPolicy.REQUIRE, service = {})
@Designate(ocd = SmgwConfig.class)
public class SmgwLink {

    public static final String PID = "org.chargingmanager.smgw";
    private static final Logger LOG = LoggerFactory.getLogger(SmgwLink.class);

    private MtlsListener listener;
    private ClsTunnel tunnel;
    private ServiceRegistration<GridSignalSource> sourceRegistration;
    private ServiceRegistration<ClsProxy> proxyRegistration;

    private final java.util.concurrent.ExecutorService starter = java.util.concurrent.Executors
            .newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "chargingmanager-smgw-start");
                thread.setDaemon(true);
                return thread;
            });

    /** Starts in the background: making keys and opening TLS must not hold up the framework's start. */
    @Activate
    public SmgwLink(@Reference Variables variables, @Reference GridSignals signals,
            @Reference DataDirectory dataDirectory, BundleContext context, SmgwConfig config) {
        starter.execute(() -> start(variables, signals, dataDirectory, context, config));
    }

    private synchronized void start(Variables variables, GridSignals signals, DataDirectory dataDirectory,
            BundleContext context, SmgwConfig config) {
        if (stopped) {
            return;
        }
        String mode = config.ocppThroughSmgw() == null ? "OFF" : config.ocppThroughSmgw().trim().toUpperCase(Locale.ROOT);
        if (config.port() == 0 && mode.equals("OFF")) {
            LOG.info("SMGW link: both functions off (port 0, OCPP through the SMGW off)");
            return;
        }
        SmgwKeys keys;
        SSLContext tls;
        try {
            keys = SmgwKeys.load(blank(config.certificate()), blank(config.privateKey()),
                    blank(config.trustedCertificates()), dataDirectory.subdirectory("smgw"),
                    blank(config.certificateSubject()).isEmpty() ? "CN=chargingmanager" : config.certificateSubject(),
                    config._keystorePassword() == null ? new char[0] : config._keystorePassword().toCharArray());
            tls = keys.sslContext();
        } catch (IOException | GeneralSecurityException | IllegalArgumentException e) {
            LOG.warn("SMGW link is off: {}", e.getMessage());
            return;
        }
        if (keys.csr() != null) {
            LOG.info("SMGW link: our certificate {} (generated); CSR for the gateway administrator: {}",
                    keys.certificate().getSubjectX500Principal().getName(), keys.csr());
        }
        if (config.port() != 0) {
            startListener(variables, signals, context, config, keys, tls);
        }
        if (!mode.equals("OFF")) {
            startTunnel(context, config, mode, tls);
        }
    }

    private void startListener(Variables variables, GridSignals signals, BundleContext context, SmgwConfig config,
            SmgwKeys keys, SSLContext tls) {
        if (keys.trusted().isEmpty()) {
            LOG.warn("SMGW link: curtailment through the SMGW is off: 'trustedCertificates' names no SMGW certificate, "
                    + "so no peer could be let in");
            return;
        }
        Set<String> allowed = SmgwApi.allowedVariables(config.allowedVariables());
        SmgwSource source = new SmgwSource(new GridSourceInfo(SmgwSource.ID, "SMGW", "AVAIL", "%", 100,
                new FailsafeSettings(Duration.ofSeconds(Math.max(0, config.lostAfterSeconds())),
                        config.failsafeAvailPercent(), Duration.ofSeconds(Math.max(0, config.failsafeMinimumSeconds())))));
        SmgwApi api = new SmgwApi(variables, signals, source, allowed, Clock.systemUTC());
        try {
            InetAddress bind = InetAddress.getByName(blank(config.bindAddress()).isEmpty() ? "0.0.0.0"
                    : config.bindAddress().trim());
            listener = new MtlsListener(tls, bind, config.port(), api::handle);
        } catch (IOException e) {
            LOG.warn("SMGW link: curtailment through the SMGW is off: cannot listen on port {}: {}", config.port(),
                    e.getMessage());
            return;
        }
        sourceRegistration = context.registerService(GridSignalSource.class, source, null);
        LOG.info("SMGW link: mutual-TLS listener on port {}, {} trusted SMGW certificate(s), may set {}", listener.port(),
                keys.trusted().size(), allowed);
    }

    private void startTunnel(BundleContext context, SmgwConfig config, String mode, SSLContext tls) {
        ClsTunnel.Mode tunnelMode;
        try {
            tunnelMode = ClsTunnel.Mode.valueOf(mode);
        } catch (IllegalArgumentException e) {
            LOG.warn("SMGW link: OCPP through the SMGW is off: 'ocppThroughSmgw' must be OFF, TLS or SOCKS5, not '{}'",
                    config.ocppThroughSmgw());
            return;
        }
        if (blank(config.smgwAddress()).isEmpty() || config.clsProxyPort() == 0) {
            LOG.warn("SMGW link: OCPP through the SMGW is off: set 'smgwAddress' and 'clsProxyPort'");
            return;
        }
        try {
            tunnel = new ClsTunnel(tunnelMode, new InetSocketAddress(config.smgwAddress().trim(), config.clsProxyPort()),
                    tls);
        } catch (IOException e) {
            LOG.warn("SMGW link: OCPP through the SMGW is off: {}", e.getMessage());
            return;
        }
        proxyRegistration = context.registerService(ClsProxy.class, tunnel, null);
    }

    private static String blank(String text) {
        return text == null ? "" : text.trim();
    }

    private boolean stopped;

    @Deactivate
    void deactivate() {
        starter.shutdownNow();
        try {
            starter.awaitTermination(30, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        stop();
    }

    private synchronized void stop() {
        stopped = true;
        if (proxyRegistration != null) {
            proxyRegistration.unregister();
        }
        if (sourceRegistration != null) {
            sourceRegistration.unregister();
        }
        if (tunnel != null) {
            tunnel.close();
        }
        if (listener != null) {
            listener.close();
        }
    }
}
