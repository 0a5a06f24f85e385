package org.chargingmanager.ocpp.server.internal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import org.chargingmanager.api.BasicCredentials;
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
 * HTTP Basic password when one is set. Every refusal is logged with the reason, never with a
 * password.
 */
final class UpgradeGate implements WebSocketCreator {

    static final String SUBPROTOCOL = "ocpp1.6";
    private static final Logger LOG = LoggerFactory.getLogger(UpgradeGate.class);

    private final ChargePointRegistry registry;
    private final PasswordStore passwords;
    private final Ocpp16JsonCodec codec;

    UpgradeGate(ChargePointRegistry registry, PasswordStore passwords, Ocpp16JsonCodec codec) {
        this.registry = registry;
        this.passwords = passwords;
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
        if (passwords.passwordRequired(chargeBoxId)) {
            Optional<BasicCredentials> credentials = BasicCredentials.parse(request.getHeaders().get(HttpHeader.AUTHORIZATION));
            if (credentials.isEmpty() || !credentials.get().username().equals(chargeBoxId)
                    || !passwords.check(chargeBoxId, credentials.get().password())) {
                LOG.warn("chargeBox={} refused from {}: {}", chargeBoxId, remote,
                        credentials.isEmpty() ? "no Basic credentials" : "wrong user or password");
                response.getHeaders().put(HttpHeader.WWW_AUTHENTICATE, "Basic realm=\"OCPP\", charset=\"UTF-8\"");
                return refuse(response, callback, 401, "authentication required");
            }
        }
        response.setAcceptedSubProtocol(SUBPROTOCOL);
        return new ChargePointConnection(chargeBoxId, registry, codec, request.isSecure());
    }

    private static Object refuse(ServerUpgradeResponse response, Callback callback, int status, String message) {
        response.setStatus(status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, "text/plain; charset=utf-8");
        response.write(true, ByteBuffer.wrap((message + "\n").getBytes(StandardCharsets.UTF_8)), callback);
        return null;
    }
}
