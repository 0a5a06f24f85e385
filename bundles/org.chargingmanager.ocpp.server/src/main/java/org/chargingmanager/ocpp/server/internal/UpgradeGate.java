package org.chargingmanager.ocpp.server.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.chargingmanager.api.platform.BasicCredentials;
import org.chargingmanager.ocpp.v16.Ocpp16JsonCodec;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerUpgradeRequest;
import org.eclipse.jetty.websocket.server.ServerUpgradeResponse;
import org.eclipse.jetty.websocket.server.WebSocketCreator;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides whether a WebSocket upgrade becomes a charge point connection: charge box ID from the
 * last path segment, subprotocol {@code ocpp1.6}, TLS when client certificates are required,
 * HTTP Basic password when one is set (unless a client certificate for this charge box ID
 * authenticates it), and the resulting security profile against the charge point's minimum.
 * Every refusal is logged with the reason, never with a password.
 */
final class UpgradeGate implements WebSocketCreator {

    static final String SUBPROTOCOL = "ocpp1.6";
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeGate.class);

    private final ChargePointRegistry registry;
    private final PasswordStore passwords;
    private final Ocpp16JsonCodec codec;
    private final SecurityProfileStore securityProfiles;

    UpgradeGate(ChargePointRegistry registry, PasswordStore passwords, SecurityProfileStore securityProfiles,
            Ocpp16JsonCodec codec) {
        this.registry = registry;
        this.passwords = passwords;
        this.securityProfiles = securityProfiles;
        this.codec = codec;
    }

    @Override
    public Object createWebSocket(ServerUpgradeRequest request, ServerUpgradeResponse response, Callback callback) {
        String remote = Request.getRemoteAddr(request);
        Optional<String> id = ChargeBoxIds.fromPath(request.getHttpURI().getPath());
        if (id.isEmpty()) {
            LOG.warn("refused connection from {}: no valid charge box ID in path {}", remote, request.getHttpURI().getPath());
            return refuse(response, callback, 404, "the URL must end with the charge box ID");
        }
        String chargeBoxId = id.get();
        if (request.getSubProtocols().stream().noneMatch(SUBPROTOCOL::equalsIgnoreCase)) {
            LOG.warn("chargeBox={} refused from {}: offers subprotocols {}, not {}", chargeBoxId, remote,
                    request.getSubProtocols(), SUBPROTOCOL);
            return refuse(response, callback, 400, "subprotocol ocpp1.6 required");
        }
        if (registry.settings().requireClientCertificate() && !request.isSecure()) {
            LOG.warn("chargeBox={} refused from {}: plain ws:// while client certificates are required", chargeBoxId, remote);
            return refuse(response, callback, 403, "TLS with a client certificate required");
        }
        String certificateName = clientCertificateName(request);
        if (certificateName != null && !certificateName.equals(chargeBoxId)
                && registry.settings().clientCertificateMustNameChargeBoxId()) {
            LOG.warn("chargeBox={} refused from {}: SECURITY: its client certificate is for CN={}", chargeBoxId, remote,
                    certificateName);
            return refuse(response, callback, 403, "the client certificate is not for this charge box ID");
        }
        // security profile 3: a client certificate for this very charge box ID authenticates it, a
        // wallbox moved up from profile 2 sends no password any more; with the name check off any
        // trusted certificate would do, so its password is still required then
        boolean certificateAuthenticates = certificateName != null && certificateName.equals(chargeBoxId)
                && registry.settings().clientCertificateMustNameChargeBoxId();
        boolean passwordChecked = passwords.passwordRequired(chargeBoxId) && !certificateAuthenticates;
        if (passwordChecked) {
            Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeaders().get(HttpHeader.AUTHORIZATION));
            if (credentials.isEmpty() || !credentials.get().username().equals(chargeBoxId)
                    || !passwords.check(chargeBoxId, credentials.get().password())) {
                LOG.warn("chargeBox={} refused from {}: {}", chargeBoxId, remote,
                        credentials.isEmpty() ? "no Basic credentials" : "wrong user or password");
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"OCPP\", charset=\"UTF-8\"");
                return refuse(response, callback, 401, "authentication required");
            }
        }
        int profile = securityProfile(request.isSecure(), certificateName != null, passwordChecked);
        int minimum = securityProfiles.minimum(chargeBoxId);
        if (profile < minimum) {
            LOG.warn("chargeBox={} refused from {}: SECURITY: security profile {} below the minimum {} ({})", chargeBoxId,
                    remote, profile, minimum, describe(profile));
            return refuse(response, callback, 403, "security profile " + minimum + " or higher required");
        }
        response.setAcceptedSubProtocol(SUBPROTOCOL);
        return new ChargePointConnection(chargeBoxId, registry, codec, request.isSecure(), profile);
    }

    /**
     * The security profile a connection has (OCPP 1.6 security whitepaper): 3 TLS with a client
     * certificate (verified by the TLS handshake against the client CA / charge-point CA), 2 TLS
     * with a checked HTTP Basic password, 1 a checked password over plain ws://, 0 nothing checked
     * (also TLS without password: the charge point is not authenticated).
     */
    static int securityProfile(boolean secure, boolean clientCertificate, boolean passwordChecked) {
        if (secure && clientCertificate) {
            return 3;
        }
        if (passwordChecked) {
            return secure ? 2 : 1;
        }
        return 0;
    }

    static String describe(int profile) {
        return switch (profile) {
            case 0 -> "no authentication";
            case 1 -> "Basic authentication over ws://";
            case 2 -> "Basic authentication over wss://";
            case 3 -> "wss:// with a client certificate";
            default -> "unknown";
        };
    }

    /**
     * The common name of the TLS client certificate, which must be the charge box ID (the CA
     * signs a CSR only for its own charge box ID; one charger's certificate must not open another
     * one's connection); null without a client certificate, "" when it has no single CN.
     */
    private static String clientCertificateName(ServerUpgradeRequest request) {
        if (!request.isSecure()
                || !(request.getAttribute(org.eclipse.jetty.io.EndPoint.SslSessionData.ATTRIBUTE)
                        instanceof org.eclipse.jetty.io.EndPoint.SslSessionData ssl)) {
            return null;
        }
        java.security.cert.X509Certificate[] peer = ssl.peerCertificates();
        if (peer == null || peer.length == 0) {
            return null;
        }
        String name = ChargePointCa.commonName(org.bouncycastle.asn1.x500.X500Name.getInstance(
                peer[0].getSubjectX500Principal().getEncoded()));
        return name == null ? "" : name;
    }

    private static Object refuse(ServerUpgradeResponse response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8)), callback);
        return null;
    }
}
