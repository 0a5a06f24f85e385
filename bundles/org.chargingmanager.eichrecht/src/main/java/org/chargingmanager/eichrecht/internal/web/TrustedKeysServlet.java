package org.chargingmanager.eichrecht.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.eichrecht.TrustedKey;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.eichrecht.internal.signing.InternalSigningKey;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * The trusted meter keys of the charging points, admin only (through the context):
 * <ul>
 * <li>{@code GET /api/v1/trusted-keys}, {@code GET /api/v1/trusted-keys/{evseId}}: each key with
 * its state ({@code CONFIRMED} or {@code UNCONFIRMED}), where it came from and when;</li>
 * <li>{@code POST /api/v1/trusted-keys/{evseId}/confirm}: the admin compared an adopted key with
 * a trusted source (type plate, manufacturer, Federal Network Agency list) and confirms it;</li>
 * <li>{@code PUT /api/v1/trusted-keys/{evseId}} with {@code {"publicKey": "..."}}: enters a key
 * from a trusted source, confirmed, replacing any stored key;</li>
 * <li>{@code DELETE /api/v1/trusted-keys/{evseId}}: forgets the key (a replaced meter);</li>
 * <li>{@code GET /api/v1/eichrecht/internal-signing-key}: the public key of the charging
 * manager's own signing key pair (generated if none exists), for test software.</li>
 * </ul>
 * Errors are JSON {@code {"error": "...", "code": "...", "args": [...]}} (see {@link JsonErrors}): 400 for a
 * body or key that cannot be read (413 for one too large), 404 for a charging point without key.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-trusted-keys")
@HttpWhiteboardServletPattern({ TrustedKeysServlet.PATH, TrustedKeysServlet.PATH + "/*",
        TrustedKeysServlet.INTERNAL_KEY_PATH })
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class TrustedKeysServlet extends HttpServlet {

    static final String PATH = "/api/v1/trusted-keys";
    static final String INTERNAL_KEY_PATH = "/api/v1/eichrecht/internal-signing-key";
    static final int MAX_BODY_BYTES = 16 * 1024;
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(TrustedKeysServlet.class);

    private final transient TrustedKeys trustedKeys;
    private final transient InternalSigningKey internalSigningKey;

    @Activate
    public TrustedKeysServlet(@Reference TrustedKeys trustedKeys, @Reference InternalSigningKey internalSigningKey) {
        this.trustedKeys = trustedKeys;
        this.internalSigningKey = internalSigningKey;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (INTERNAL_KEY_PATH.equals(request.getServletPath())) {
            JsonObject reply = new JsonObject();
            var pair = internalSigningKey.signer().keyPair();
            reply.addProperty("publicKey", pair.publicKey().spkiHex());
            reply.addProperty("curve", pair.curve().curveName());
            JsonErrors.send(response, HttpServletResponse.SC_OK, reply);
            return;
        }
        String evseId = evseId(request);
        if (evseId == null) {
            JsonArray keys = new JsonArray();
            trustedKeys.all().forEach(key -> keys.add(json(key)));
            JsonObject reply = new JsonObject();
            reply.add("trustedKeys", keys);
            JsonErrors.send(response, HttpServletResponse.SC_OK, reply);
            return;
        }
        Optional<TrustedKey> key = trustedKeys.find(evseId);
        if (key.isEmpty()) {
            JsonErrors.error(response, HttpServletResponse.SC_NOT_FOUND, noKey(evseId));
        } else {
            JsonErrors.send(response, HttpServletResponse.SC_OK, json(key.get()));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo();
        if (path == null || !path.endsWith("/confirm") || path.length() <= "/confirm".length() + 1) {
            JsonErrors.error(response, HttpServletResponse.SC_NOT_FOUND, UserMessage.of("http.pathIdMissing",
                    "no such operation; POST /api/v1/trusted-keys/{evseId}/confirm", "POST /api/v1/trusted-keys/{evseId}/confirm"));
            return;
        }
        String evseId = path.substring(1, path.length() - "/confirm".length());
        Optional<TrustedKey> confirmed = trustedKeys.confirm(evseId);
        if (confirmed.isEmpty()) {
            JsonErrors.error(response, HttpServletResponse.SC_NOT_FOUND, noKey(evseId));
            return;
        }
        LOG.info("Eichrecht: EVSE {}: public key confirmed by {}", evseId, request.getAttribute(WebContext.USER_ATTRIBUTE));
        JsonErrors.send(response, HttpServletResponse.SC_OK, json(confirmed.get()));
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String evseId = evseId(request);
        if (evseId == null) {
            JsonErrors.error(response, HttpServletResponse.SC_NOT_FOUND, UserMessage.of("http.pathIdMissing",
                    "PUT /api/v1/trusted-keys/{evseId}", "PUT /api/v1/trusted-keys/{evseId}"));
            return;
        }
        String publicKey;
        try {
            publicKey = publicKeyOf(readBody(request));
        } catch (BadBody e) {
            JsonErrors.error(response, e.status, "field", e.field, e.userMessage);
            return;
        }
        try {
            TrustedKey entered = trustedKeys.enter(evseId, publicKey, "admin (HTTP API)");
            LOG.info("Eichrecht: EVSE {}: public key entered by {}", evseId, request.getAttribute(WebContext.USER_ATTRIBUTE));
            JsonErrors.send(response, HttpServletResponse.SC_OK, json(entered));
        } catch (IllegalArgumentException e) {
            LOG.warn("Eichrecht: EVSE {}: refused a public key from {}: {}", evseId, request.getRemoteAddr(), e.getMessage());
            JsonErrors.error(response, HttpServletResponse.SC_BAD_REQUEST, "field", "publicKey", UserMessage.of("key.unusable",
                    "not a usable public key: " + e.getMessage(), e.getMessage()));
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String evseId = evseId(request);
        if (evseId == null || !trustedKeys.remove(evseId)) {
            JsonErrors.error(response, HttpServletResponse.SC_NOT_FOUND, noKey(evseId));
            return;
        }
        LOG.info("Eichrecht: EVSE {}: public key removed by {}", evseId, request.getAttribute(WebContext.USER_ATTRIBUTE));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** The charging point of {@code /api/v1/trusted-keys/{evseId}}, null for the list. */
    private static String evseId(HttpServletRequest request) {
        String path = request.getPathInfo();
        if (path == null || path.length() <= 1 || !PATH.equals(request.getServletPath())) {
            return null;
        }
        String id = path.substring(1);
        return id.contains("/") ? null : id;
    }

    /** A body this servlet cannot use: its status, the field it is about (if any) and the message. */
    static final class BadBody extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;
        final int status;
        final String field;
        final transient UserMessage userMessage;

        BadBody(int status, String field, UserMessage message) {
            super(message.english());
            this.status = status;
            this.field = field;
            this.userMessage = message;
        }
    }

    private static UserMessage noKey(String evseId) {
        return UserMessage.of("key.none", "no key stored for " + evseId, String.valueOf(evseId));
    }

    static String publicKeyOf(String body) {
        if (body == null) {
            throw new BadBody(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, null, UserMessage.of("http.tooLarge",
                    "the body is larger than " + MAX_BODY_BYTES + " bytes", MAX_BODY_BYTES));
        }
        JsonElement parsed;
        try {
            parsed = JsonParser.parseString(body);
        } catch (JsonParseException | StackOverflowError e) {
            throw new BadBody(HttpServletResponse.SC_BAD_REQUEST, null, UserMessage.of("http.bodyShape",
                    "the body must be {\"publicKey\": \"...\"}", "{\"publicKey\": \"...\"}"));
        }
        JsonElement key = parsed.isJsonObject() ? parsed.getAsJsonObject().get("publicKey") : null;
        if (key == null || !key.isJsonPrimitive() || !key.getAsJsonPrimitive().isString() || key.getAsString().isBlank()) {
            throw new BadBody(HttpServletResponse.SC_BAD_REQUEST, "publicKey", UserMessage.of("key.missing",
                    "publicKey must be a non-empty string (hex DER, hex X||Y or PEM)"));
        }
        return key.getAsString().strip();
    }

    static JsonObject json(TrustedKey key) {
        JsonObject json = new JsonObject();
        json.addProperty("evseId", key.evseId());
        json.addProperty("publicKey", key.publicKey());
        json.addProperty("state", key.state().name());
        json.addProperty("source", key.source());
        json.addProperty("storedAt", key.storedAt() == null ? null : key.storedAt().toString());
        return json;
    }

    private static String readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
