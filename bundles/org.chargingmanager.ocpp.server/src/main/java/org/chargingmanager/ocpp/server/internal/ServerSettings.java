package org.chargingmanager.ocpp.server.internal;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The OCPP server's settings as values, made from {@link OcppServerConfig} or by tests.
 *
 * @param port 0 picks a free port (tests)
 * @param host empty binds every interface
 * @param certificateFile null: generated self-signed certificate
 * @param clientCaFile null: no client certificates are requested
 */
public record ServerSettings(int port, String host, TlsMode tlsMode, Path dataDirectory, Path certificateFile,
        Path privateKeyFile, char[] keyPassword, boolean requireClientCertificate, Path clientCaFile,
        UnknownChargePointPolicy unknownChargePoints, boolean acceptWithoutAuthorizer, Duration heartbeatInterval,
        Duration pingInterval, Duration responseTimeout, int maxMessageBytes, Duration meterValueSampleInterval,
        int chargingProfileStackLevel, int phases, int maxCurrentMilliamps, boolean clearProfilesWhenDisabled,
        Duration bootTriggerDelay, boolean clientCertificateMustNameChargeBoxId, List<String> serverCertificateNames) {

    public ServerSettings {
        serverCertificateNames = serverCertificateNames == null ? List.of() : List.copyOf(serverCertificateNames);
    }

    /** Defaults as in {@link OcppServerConfig}, plain only, on a free loopback port. */
    public static ServerSettings forTest(Path dataDirectory) {
        return new ServerSettings(0, "127.0.0.1", TlsMode.OFF, dataDirectory, null, null, new char[0], false, null,
                UnknownChargePointPolicy.ACCEPT, true, Duration.ofSeconds(300), Duration.ofSeconds(15),
                Duration.ofSeconds(30), 64 * 1024, Duration.ofSeconds(10), 1, 3, 32_000, false, Duration.ofSeconds(5), true, List.of());
    }

    /** How long without any frame from the charge point before it is taken offline. */
    public Duration deadAfter() {
        return pingInterval.multipliedBy(3);
    }

    public ServerSettings withTls(TlsMode mode) {
        return new ServerSettings(port, host, mode, dataDirectory, certificateFile, privateKeyFile, keyPassword,
                requireClientCertificate, clientCaFile, unknownChargePoints, acceptWithoutAuthorizer,
                heartbeatInterval, pingInterval, responseTimeout, maxMessageBytes, meterValueSampleInterval,
                chargingProfileStackLevel, phases, maxCurrentMilliamps, clearProfilesWhenDisabled, bootTriggerDelay, clientCertificateMustNameChargeBoxId, serverCertificateNames);
    }

    /** Client certificates whose CN is not the charge box ID are accepted (own CA naming wallboxes otherwise). */
    public ServerSettings withoutClientCertificateNameCheck() {
        return new ServerSettings(port, host, tlsMode, dataDirectory, certificateFile, privateKeyFile, keyPassword,
                requireClientCertificate, clientCaFile, unknownChargePoints, acceptWithoutAuthorizer, heartbeatInterval,
                pingInterval, responseTimeout, maxMessageBytes, meterValueSampleInterval, chargingProfileStackLevel, phases,
                maxCurrentMilliamps, clearProfilesWhenDisabled, bootTriggerDelay, false, serverCertificateNames);
    }

    /** Extra host names and IP addresses for the generated server certificate. */
    public ServerSettings withServerCertificateNames(List<String> names) {
        return new ServerSettings(port, host, tlsMode, dataDirectory, certificateFile, privateKeyFile, keyPassword,
                requireClientCertificate, clientCaFile, unknownChargePoints, acceptWithoutAuthorizer, heartbeatInterval,
                pingInterval, responseTimeout, maxMessageBytes, meterValueSampleInterval, chargingProfileStackLevel, phases,
                maxCurrentMilliamps, clearProfilesWhenDisabled, bootTriggerDelay, clientCertificateMustNameChargeBoxId, names);
    }

    public ServerSettings withClientCertificates(Path caFile) {
        return new ServerSettings(port, host, tlsMode, dataDirectory, certificateFile, privateKeyFile, keyPassword,
                true, caFile, unknownChargePoints, acceptWithoutAuthorizer, heartbeatInterval, pingInterval,
                responseTimeout, maxMessageBytes, meterValueSampleInterval, chargingProfileStackLevel, phases,
                maxCurrentMilliamps, clearProfilesWhenDisabled, bootTriggerDelay, clientCertificateMustNameChargeBoxId, serverCertificateNames);
    }

    public ServerSettings withPolicy(UnknownChargePointPolicy policy) {
        return new ServerSettings(port, host, tlsMode, dataDirectory, certificateFile, privateKeyFile, keyPassword,
                requireClientCertificate, clientCaFile, policy, acceptWithoutAuthorizer, heartbeatInterval,
                pingInterval, responseTimeout, maxMessageBytes, meterValueSampleInterval, chargingProfileStackLevel,
                phases, maxCurrentMilliamps, clearProfilesWhenDisabled, bootTriggerDelay, clientCertificateMustNameChargeBoxId, serverCertificateNames);
    }

    public ServerSettings withTimings(Duration ping, Duration responseTimeout, Duration bootTriggerDelay) {
        return new ServerSettings(port, host, tlsMode, dataDirectory, certificateFile, privateKeyFile, keyPassword,
                requireClientCertificate, clientCaFile, unknownChargePoints, acceptWithoutAuthorizer,
                heartbeatInterval, ping, responseTimeout, maxMessageBytes, meterValueSampleInterval,
                chargingProfileStackLevel, phases, maxCurrentMilliamps, clearProfilesWhenDisabled, bootTriggerDelay, clientCertificateMustNameChargeBoxId, serverCertificateNames);
    }

    public ServerSettings withClearProfilesWhenDisabled(boolean clear) {
        return new ServerSettings(port, host, tlsMode, dataDirectory, certificateFile, privateKeyFile, keyPassword,
                requireClientCertificate, clientCaFile, unknownChargePoints, acceptWithoutAuthorizer,
                heartbeatInterval, pingInterval, responseTimeout, maxMessageBytes, meterValueSampleInterval,
                chargingProfileStackLevel, phases, maxCurrentMilliamps, clear, bootTriggerDelay, clientCertificateMustNameChargeBoxId, serverCertificateNames);
    }

    public ServerSettings withCertificate(Path certificate, Path privateKey, char[] password) {
        return new ServerSettings(port, host, tlsMode, dataDirectory, certificate, privateKey, password,
                requireClientCertificate, clientCaFile, unknownChargePoints, acceptWithoutAuthorizer,
                heartbeatInterval, pingInterval, responseTimeout, maxMessageBytes, meterValueSampleInterval,
                chargingProfileStackLevel, phases, maxCurrentMilliamps, clearProfilesWhenDisabled, bootTriggerDelay, clientCertificateMustNameChargeBoxId, serverCertificateNames);
    }
}
