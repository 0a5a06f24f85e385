package org.chargingmanager.ocpp.server.internal;

import java.nio.file.Path;
import java.time.Duration;

/**
 * The charge-point CA that signs charge point certificates (security profile 3, SignCertificate).
 *
 * @param certificateFile installer's CA certificate as PEM (the CA first, then its issuers); null:
 *        a CA is generated on first start in {@code <data>/ocpp-server/}
 * @param privateKeyFile the CA's private key as PEM; needed with {@code certificateFile}
 * @param keyPassword password of an encrypted PEM key; empty when not encrypted
 * @param validity how long a signed charge point certificate is valid (capped at the CA's own end)
 */
public record CertificateAuthoritySettings(Path certificateFile, Path privateKeyFile, char[] keyPassword,
        Duration validity) {

    public static final Duration DEFAULT_VALIDITY = Duration.ofDays(730);

    /** Generated CA in the data directory, charge point certificates valid two years. */
    public static CertificateAuthoritySettings generated() {
        return new CertificateAuthoritySettings(null, null, new char[0], DEFAULT_VALIDITY);
    }
}
