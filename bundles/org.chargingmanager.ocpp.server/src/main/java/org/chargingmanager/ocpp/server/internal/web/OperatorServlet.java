package org.chargingmanager.ocpp.server.internal.web;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Supplier;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.ocpp.server.ChargePointStatus;
import org.chargingmanager.ocpp.server.OcppCallException;
import org.chargingmanager.ocpp.server.OcppCentralSystem;
import org.chargingmanager.ocpp.server.Reservation;
import org.chargingmanager.ocpp.v16.Action;
import org.chargingmanager.ocpp.v16.ConfigurationStatus;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.Ocpp16JsonCodec;
import org.chargingmanager.ocpp.v16.Request;
import org.chargingmanager.ocpp.v16.Role;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The operator's HTTP API of the OCPP central system, admin only (through the context):
 * <ul>
 * <li>{@code GET /api/v1/ocpp/chargepoints}, {@code GET /api/v1/ocpp/chargepoints/{id}}: what the
 * central system knows of each charge point, including those waiting for approval;</li>
 * <li>{@code POST /api/v1/ocpp/chargepoints/{id}/approve}: accept a pending charge point;</li>
 * <li>{@code POST /api/v1/ocpp/chargepoints/{id}/clear-charging-profiles}: remove every charging
 * profile we set, so the station works without us;</li>
 * <li>{@code POST /api/v1/ocpp/chargepoints/{id}/calls/{Action}}: any operator CALL (Reset,
 * RemoteStartTransaction, UnlockConnector, ReserveNow, SendLocalList, GetCompositeSchedule, ...)
 * with the OCPP payload as the JSON body; answers with the charge point's confirmation;</li>
 * <li>{@code GET /api/v1/ocpp/chargepoints/{id}/reservations}: its active reservations;</li>
 * <li>{@code POST /api/v1/ocpp/chargepoints/{id}/change-password}: a new random password sent to
 * the charger as AuthorizationKey, stored once it accepted (TC_073);</li>
 * <li>{@code POST /api/v1/ocpp/chargepoints/{id}/local-list}: send the user directory as the
 * charger's local authorization list (409 when the charger cannot take it);</li>
 * <li>{@code POST /api/v1/ocpp/chargepoints/{id}/security-profile} with {@code {"securityProfile": 2}}:
 * TC_083 upgrade (preconditions checked, 409 with the reason otherwise; ChangeConfiguration
 * SecurityProfile, the minimum raised once accepted, Reset Hard);</li>
 * <li>{@code PUT /api/v1/ocpp/chargepoints/{id}/minimum-security-profile} with
 * {@code {"minimumSecurityProfile": 1}}: sets (e.g. lowers for a replaced wallbox) the minimum
 * profile below which connections are refused;</li>
 * <li>{@code PUT /api/v1/ocpp/chargepoints/{id}/password} with {@code {"password": "..."}} sets
 * the HTTP Basic password of one charge point (also before it first connects),
 * {@code DELETE} removes it; the password is never logged or shown.</li>
 * </ul>
 * Errors are JSON {@code {"error": "...", "code": "...", "args": [...]}} (the message key for the web
 * UI's language; a failed call adds {@code ocppErrorCode}): 400 bad payload or action, 404 unknown
 * charge point, 409 not connected or refused, 413 body too large, 502 the charge point answered with a
 * CALLERROR or nonsense, 503 its queue is full, 504 it did not answer in time.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-ocpp-operator")
@HttpWhiteboardServletPattern(OperatorServlet.PATH + "/*")
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class OperatorServlet extends HttpServlet {

    static final String PATH = "/api/v1/ocpp/chargepoints";
    static final int MAX_BODY_BYTES = 64 * 1024;
    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(OperatorServlet.class);
    private static final Ocpp16JsonCodec CODEC = Ocpp16JsonCodec.forRole(Role.CENTRAL_SYSTEM);
    /** Longer than the central system's own response timeout, which fails the call first. */
    private static final long WAIT_SECONDS = 300;

    private final transient OcppCentralSystem centralSystem;

    @Activate
    public OperatorServlet(@Reference OcppCentralSystem centralSystem) {
        this.centralSystem = centralSystem;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OperatorPath path = OperatorPath.parse(request.getPathInfo());
        if (path != null && path.chargeBoxId() != null && "reservations".equals(path.operation())) {
            reservations(response, path.chargeBoxId());
        } else if (path == null || path.operation() != null) {
            JsonReplies.error(response, HttpServletResponse.SC_NOT_FOUND, notFound(request));
        } else if (path.chargeBoxId() == null) {
            JsonReplies.send(response, HttpServletResponse.SC_OK, ChargePointJson.list(centralSystem.chargePoints()));
        } else {
            Optional<ChargePointStatus> status = centralSystem.chargePoint(path.chargeBoxId());
            if (status.isEmpty()) {
                JsonReplies.error(response, HttpServletResponse.SC_NOT_FOUND, unknownChargePoint(path.chargeBoxId()));
            } else {
                JsonReplies.send(response, HttpServletResponse.SC_OK, ChargePointJson.of(status.get()));
            }
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OperatorPath path = OperatorPath.parse(request.getPathInfo());
        if (path == null || path.chargeBoxId() == null || path.operation() == null) {
            JsonReplies.error(response, HttpServletResponse.SC_NOT_FOUND, notFound(request));
            return;
        }
        String chargeBoxId = path.chargeBoxId();
        if (centralSystem.chargePoint(chargeBoxId).isEmpty()) {
            JsonReplies.error(response, HttpServletResponse.SC_NOT_FOUND, unknownChargePoint(chargeBoxId));
            return;
        }
        String user = String.valueOf(request.getAttribute(WebContext.USER_ATTRIBUTE));
        switch (path.operation()) {
            case "approve" -> {
                centralSystem.approve(chargeBoxId);
                LOG.info("chargeBox={} approved by {}", chargeBoxId, user);
                JsonReplies.send(response, HttpServletResponse.SC_OK,
                        ChargePointJson.of(centralSystem.chargePoint(chargeBoxId).orElseThrow()));
            }
            case "clear-charging-profiles" -> answer(response, chargeBoxId, "ClearChargingProfile", user,
                    () -> centralSystem.clearChargingProfiles(chargeBoxId));
            case "calls" -> call(request, response, chargeBoxId, path.action(), user);
            case "local-list" -> localList(response, chargeBoxId, user);
            case "change-password" -> changePassword(response, chargeBoxId, user);
            case "security-profile" -> upgradeSecurityProfile(request, response, chargeBoxId, user);
            default -> JsonReplies.error(response, HttpServletResponse.SC_NOT_FOUND, notFound(request));
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OperatorPath path = OperatorPath.parse(request.getPathInfo());
        if (path != null && path.chargeBoxId() != null && "minimum-security-profile".equals(path.operation())) {
            setMinimumSecurityProfile(request, response, path.chargeBoxId());
            return;
        }
        if (path == null || path.chargeBoxId() == null || !"password".equals(path.operation())) {
            JsonReplies.error(response, HttpServletResponse.SC_NOT_FOUND, notFound(request));
            return;
        }
        String body = readBody(request);
        char[] password;
        try {
            password = body == null ? null : PasswordBody.parse(body);
        } catch (JsonReplies.BadRequest e) {
            JsonReplies.error(response, e.status, e.userMessage);
            return;
        }
        if (password == null) {
            JsonReplies.error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        try {
            centralSystem.setChargePointPassword(path.chargeBoxId(), password);
        } finally {
            java.util.Arrays.fill(password, '\0');
        }
        LOG.info("chargeBox={} password set by {}", path.chargeBoxId(), request.getAttribute(WebContext.USER_ATTRIBUTE));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        OperatorPath path = OperatorPath.parse(request.getPathInfo());
        if (path == null || path.chargeBoxId() == null || !"password".equals(path.operation())) {
            JsonReplies.error(response, HttpServletResponse.SC_NOT_FOUND, notFound(request));
            return;
        }
        centralSystem.setChargePointPassword(path.chargeBoxId(), new char[0]);
        LOG.info("chargeBox={} password removed by {}", path.chargeBoxId(), request.getAttribute(WebContext.USER_ATTRIBUTE));
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    private void reservations(HttpServletResponse response, String chargeBoxId) throws IOException {
        if (centralSystem.chargePoint(chargeBoxId).isEmpty()) {
            JsonReplies.error(response, HttpServletResponse.SC_NOT_FOUND, unknownChargePoint(chargeBoxId));
            return;
        }
        JsonArray list = new JsonArray();
        for (Reservation reservation : centralSystem.reservations(chargeBoxId)) {
            JsonObject json = new JsonObject();
            json.addProperty("reservationId", reservation.reservationId());
            json.addProperty("connectorId", reservation.connectorId());
            json.addProperty("idTag", reservation.idTag());
            json.addProperty("parentIdTag", reservation.parentIdTag());
            json.addProperty("expiryDate", reservation.expiryDate() == null ? null : reservation.expiryDate().toString());
            list.add(json);
        }
        JsonObject reply = new JsonObject();
        reply.addProperty("chargeBoxId", chargeBoxId);
        reply.add("reservations", list);
        JsonReplies.send(response, HttpServletResponse.SC_OK, reply);
    }

    /** TC_073: a new random password goes to the charger as AuthorizationKey and is never shown. */
    private void changePassword(HttpServletResponse response, String chargeBoxId, String user) throws IOException {
        reply(response, chargeBoxId, "ChangeConfiguration AuthorizationKey", user,
                () -> centralSystem.changeChargePointPassword(chargeBoxId), status -> {
                    JsonObject reply = new JsonObject();
                    reply.addProperty("chargeBoxId", chargeBoxId);
                    reply.addProperty("status", status.wireValue());
                    reply.addProperty("passwordChanged", status == ConfigurationStatus.ACCEPTED
                            || status == ConfigurationStatus.REBOOT_REQUIRED);
                    return reply;
                });
    }

    /** TC_083: preconditions, ChangeConfiguration SecurityProfile, the minimum raised once accepted. */
    private void upgradeSecurityProfile(HttpServletRequest request, HttpServletResponse response, String chargeBoxId,
            String user) throws IOException {
        String body = readBody(request);
        int profile;
        try {
            if (body == null) {
                throw new JsonReplies.BadRequest(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            }
            profile = SecurityProfileBody.parse(body, "securityProfile", 1, 3);
        } catch (JsonReplies.BadRequest e) {
            JsonReplies.error(response, e.status, e.userMessage);
            return;
        }
        reply(response, chargeBoxId, "ChangeConfiguration SecurityProfile " + profile, user,
                () -> centralSystem.upgradeSecurityProfile(chargeBoxId, profile), status -> {
                    JsonObject reply = new JsonObject();
                    reply.addProperty("chargeBoxId", chargeBoxId);
                    reply.addProperty("securityProfile", profile);
                    reply.addProperty("status", status.wireValue());
                    reply.addProperty("upgraded", status == ConfigurationStatus.ACCEPTED
                            || status == ConfigurationStatus.REBOOT_REQUIRED);
                    reply.addProperty("minimumSecurityProfile", centralSystem.minimumSecurityProfile(chargeBoxId));
                    return reply;
                });
    }

    private void setMinimumSecurityProfile(HttpServletRequest request, HttpServletResponse response, String chargeBoxId)
            throws IOException {
        String body = readBody(request);
        int profile;
        try {
            if (body == null) {
                throw new JsonReplies.BadRequest(HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            }
            profile = SecurityProfileBody.parse(body, "minimumSecurityProfile", 0, 3);
        } catch (JsonReplies.BadRequest e) {
            JsonReplies.error(response, e.status, e.userMessage);
            return;
        }
        try {
            centralSystem.setMinimumSecurityProfile(chargeBoxId, profile);
        } catch (IllegalArgumentException e) {
            JsonReplies.error(response, HttpServletResponse.SC_BAD_REQUEST, refused(e.getMessage()));
            return;
        }
        LOG.info("chargeBox={} minimum security profile set to {} by {}", chargeBoxId, profile,
                request.getAttribute(WebContext.USER_ATTRIBUTE));
        JsonObject reply = new JsonObject();
        reply.addProperty("chargeBoxId", chargeBoxId);
        reply.addProperty("minimumSecurityProfile", centralSystem.minimumSecurityProfile(chargeBoxId));
        JsonReplies.send(response, HttpServletResponse.SC_OK, reply);
    }

    private void localList(HttpServletResponse response, String chargeBoxId, String user) throws IOException {
        reply(response, chargeBoxId, "SendLocalList", user, () -> centralSystem.synchronizeLocalList(chargeBoxId), result -> {
            JsonObject reply = new JsonObject();
            reply.addProperty("chargeBoxId", chargeBoxId);
            reply.addProperty("listVersion", result.listVersion());
            reply.addProperty("entries", result.entries());
            reply.addProperty("messages", result.messages());
            reply.addProperty("skippedTokens", result.skippedTokens());
            return reply;
        });
    }

    private void call(HttpServletRequest httpRequest, HttpServletResponse response, String chargeBoxId, String actionName,
            String user) throws IOException {
        Optional<Action> action = actionName == null ? Optional.empty() : Action.fromWireName(actionName);
        if (action.isEmpty()) {
            JsonReplies.error(response, HttpServletResponse.SC_BAD_REQUEST, UserMessage.of("ocpp.unknownAction",
                    "unknown OCPP action " + actionName, String.valueOf(actionName)));
            return;
        }
        String body = readBody(httpRequest);
        if (body == null) {
            JsonReplies.error(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, tooLarge());
            return;
        }
        Request request;
        try {
            request = CODEC.decodeRequestPayload(action.get(), body.isBlank() ? "{}" : body);
        } catch (IllegalArgumentException e) {
            JsonReplies.error(response, HttpServletResponse.SC_BAD_REQUEST, UserMessage.of("ocpp.badPayload",
                    action.get().wireName() + ": " + e.getMessage(), action.get().wireName(), e.getMessage()));
            return;
        }
        UserMessage refusal = OperatorCallPolicy.refusal(request);
        if (refusal != null) {
            JsonReplies.error(response, HttpServletResponse.SC_BAD_REQUEST, refusal);
            return;
        }
        answer(response, chargeBoxId, action.get().wireName(), user, () -> centralSystem.send(chargeBoxId, request));
    }

    private static void answer(HttpServletResponse response, String chargeBoxId, String actionName, String user,
            Supplier<CompletionStage<Confirmation>> call) throws IOException {
        reply(response, chargeBoxId, actionName, user, call, confirmation -> {
            JsonObject reply = new JsonObject();
            reply.addProperty("chargeBoxId", chargeBoxId);
            reply.addProperty("action", actionName);
            reply.add("confirmation", JsonParser.parseString(CODEC.encodePayload(confirmation)));
            return reply;
        });
    }

    /** Waits for the charge point's answer and sends it as JSON, or the failure as its HTTP status. */
    private static <T> void reply(HttpServletResponse response, String chargeBoxId, String actionName, String user,
            Supplier<CompletionStage<T>> call, Function<T, JsonObject> toJson) throws IOException {
        try {
            T answer = call.get().toCompletableFuture().get(WAIT_SECONDS, TimeUnit.SECONDS);
            LOG.info("chargeBox={} operator {} by {}: answered", chargeBoxId, actionName, user);
            JsonReplies.send(response, HttpServletResponse.SC_OK, toJson.apply(answer));
        } catch (ExecutionException | CompletionException e) {
            failed(response, chargeBoxId, actionName, user, e.getCause());
        } catch (OcppCallException e) {
            failed(response, chargeBoxId, actionName, user, e);
        } catch (TimeoutException e) {
            failed(response, chargeBoxId, actionName, user, new OcppCallException("Timeout", "no answer in time"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            JsonReplies.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UserMessage.of("http.serviceUnavailable",
                    "interrupted"));
        }
    }

    private static void failed(HttpServletResponse response, String chargeBoxId, String actionName, String user,
            Throwable cause) throws IOException {
        if (!(cause instanceof OcppCallException failure)) {
            LOG.error("chargeBox={} operator {} by {} failed", chargeBoxId, actionName, user, cause);
            JsonReplies.error(response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR, UserMessage.of("ocpp.failed",
                    actionName + " failed: " + cause, actionName, String.valueOf(cause)));
            return;
        }
        int status = switch (failure.errorCode()) {
            case "Offline", "Refused" -> HttpServletResponse.SC_CONFLICT;
            case "QueueFull", "NoUserDirectory" -> HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            case "Timeout" -> HttpServletResponse.SC_GATEWAY_TIMEOUT;
            default -> HttpServletResponse.SC_BAD_GATEWAY;
        };
        LOG.info("chargeBox={} operator {} by {}: {} {}", chargeBoxId, actionName, user, failure.errorCode(),
                failure.getMessage());
        JsonObject reply = JsonReplies.json(failure(failure, chargeBoxId, actionName));
        reply.addProperty("ocppErrorCode", failure.errorCode());
        JsonReplies.send(response, status, reply);
    }

    /** Why an operator call failed, by the failure's OCPP error code (a CALLERROR's, or the central system's own). */
    static UserMessage failure(OcppCallException failure, String chargeBoxId, String actionName) {
        String english = failure.getMessage();
        return switch (failure.errorCode()) {
            case "Offline" -> UserMessage.of("ocpp.offline", english, chargeBoxId);
            case "Refused" -> refused(english);
            case "NoTransaction" -> UserMessage.of("ocpp.noTransaction", english, chargeBoxId);
            case "NoUserDirectory" -> UserMessage.of("ocpp.noUserDirectory", english);
            case "QueueFull" -> UserMessage.of("ocpp.queueFull", english, chargeBoxId);
            case "Timeout" -> UserMessage.of("ocpp.timeout", english, chargeBoxId, actionName);
            case "InvalidResponse" -> UserMessage.of("ocpp.invalidResponse", english, chargeBoxId, String.valueOf(english));
            default -> UserMessage.of("ocpp.callError", english, chargeBoxId, failure.errorCode(), String.valueOf(english));
        };
    }

    /** A refusal of the central system's own checks, by its English wording; other texts keep it under ocpp.refused. */
    static UserMessage refused(String english) {
        String text = english == null ? "" : english;
        java.util.regex.Matcher m;
        if ((m = match("security profile (\\d) needs TLS.*", text)) != null) {
            return UserMessage.of("ocpp.profileNeedsTls", text, Integer.valueOf(m.group(1)));
        }
        if (match("security profile 3 needs client certificates.*", text) != null) {
            return UserMessage.of("ocpp.profileNeedsClientCertificates", text);
        }
        if ((m = match("(.*) has a running transaction on connector\\(s\\) (.*); the upgrade.*", text)) != null) {
            return UserMessage.of("ocpp.profileRunningTransaction", text, m.group(1), m.group(2));
        }
        if (match("the charge point has its local list switched off.*", text) != null) {
            return UserMessage.of("ocpp.localListOff", text);
        }
        if ((m = match("(\\d+) ID tags, but the charge point holds at most (\\d+).*", text)) != null) {
            return UserMessage.of("ocpp.localListTooLong", text, Integer.valueOf(m.group(1)), Integer.valueOf(m.group(2)));
        }
        if (match("the charge point does not support a local list.*", text) != null) {
            return UserMessage.of("ocpp.localListUnsupported", text);
        }
        if ((m = match("SendLocalList version (\\d+) \\((.*)\\): (.*)", text)) != null) {
            return UserMessage.of("ocpp.localListRejected", text, Integer.valueOf(m.group(1)), m.group(3));
        }
        if ((m = match("not a valid charge box ID: (.*)", text)) != null) {
            return UserMessage.of("ocpp.badChargeBoxId", text, m.group(1));
        }
        return UserMessage.of("ocpp.refused", text, text);
    }

    private static java.util.regex.Matcher match(String regex, String text) {
        java.util.regex.Matcher matcher = java.util.regex.Pattern.compile(regex, java.util.regex.Pattern.DOTALL).matcher(text);
        return matcher.matches() ? matcher : null;
    }

    private static UserMessage notFound(HttpServletRequest request) {
        String path = PATH + (request.getPathInfo() == null ? "" : request.getPathInfo());
        return UserMessage.of("http.notFound", "no such resource or operation: " + path + "; see docs/ocpp.md", path);
    }

    private static UserMessage unknownChargePoint(String chargeBoxId) {
        return UserMessage.of("ocpp.unknownChargePoint", "unknown charge point " + chargeBoxId, chargeBoxId);
    }

    private static UserMessage tooLarge() {
        return UserMessage.of("http.tooLarge", "the body is larger than " + MAX_BODY_BYTES + " bytes", MAX_BODY_BYTES);
    }

    /** The body as UTF-8, or null when it exceeds {@link #MAX_BODY_BYTES}. */
    private static String readBody(HttpServletRequest request) throws IOException {
        try (InputStream in = request.getInputStream()) {
            byte[] bytes = in.readNBytes(MAX_BODY_BYTES + 1);
            return bytes.length > MAX_BODY_BYTES ? null : new String(bytes, StandardCharsets.UTF_8);
        }
    }
}
