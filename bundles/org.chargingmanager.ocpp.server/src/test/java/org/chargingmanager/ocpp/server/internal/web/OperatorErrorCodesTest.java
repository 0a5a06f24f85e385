package org.chargingmanager.ocpp.server.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.chargingmanager.ocpp.server.ChargePointStatus;
import org.chargingmanager.ocpp.server.OcppCallException;
import org.chargingmanager.ocpp.server.OcppCentralSystem;
import org.chargingmanager.testkit.http.FakeHttp;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * The OCPP operator actions answer every error with a message key and its values beside the
 * English text, so the web UI shows them in German: unknown charge point, not connected,
 * refused, no answer in time, a CALLERROR of the charger, bad bodies.
 */
class OperatorErrorCodesTest {

    private static CompletableFuture<Object> failing(String code, String message) {
        return CompletableFuture.failedFuture(new OcppCallException(code, message));
    }

    private final OcppCentralSystem centralSystem = (OcppCentralSystem) Proxy.newProxyInstance(
            OcppCentralSystem.class.getClassLoader(), new Class<?>[] {OcppCentralSystem.class},
            (proxy, method, args) -> switch (method.getName()) {
                case "chargePoint" -> "CB1".equals(args[0]) ? Optional.of(new ChargePointStatus("CB1", false, "Accepted",
                        "KEBA", "P30", "1.0", List.of(1), null, null, null, null, 0, 0)) : Optional.empty();
                case "send" -> failing("Offline", "CB1 is not connected");
                case "clearChargingProfiles" -> failing("Timeout", "ClearChargingProfile: no answer in time");
                case "synchronizeLocalList" -> failing("NoUserDirectory", "no user directory is installed (the billing bundle)");
                case "upgradeSecurityProfile" -> failing("Refused",
                        "security profile 2 needs TLS: set the OCPP server's TLS to Detect or On first");
                case "changeChargePointPassword" -> failing("NotSupported", "AuthorizationKey is read-only");
                default -> throw new UnsupportedOperationException(method.getName());
            });
    private final OperatorServlet servlet = new OperatorServlet(centralSystem);

    private FakeHttp.Response call(FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.service(request.servlet(), response.servlet());
        return response;
    }

    private static JsonObject assertCode(FakeHttp.Response response, int status, String code, String... args) {
        assertThat(response.status()).isEqualTo(status);
        JsonObject body = response.json();
        assertThat(body.get("code").getAsString()).isEqualTo(code);
        assertThat(body.get("error").getAsString()).isNotBlank();
        if (args.length > 0) {
            List<String> values = new ArrayList<>();
            body.getAsJsonArray("args").forEach(a -> values.add(a.getAsString()));
            assertThat(values).containsExactly(args);
        }
        return body;
    }

    @Test
    void theOperatorActionsAnswerWithMessageKeys() throws Exception {
        String path = OperatorServlet.PATH;
        assertCode(call(FakeHttp.request("GET", path, "/CB9")), 404, "ocpp.unknownChargePoint", "CB9");
        assertCode(call(FakeHttp.request("POST", path, "/CB9/approve")), 404, "ocpp.unknownChargePoint", "CB9");
        assertCode(call(FakeHttp.request("POST", path, "/CB1/frobnicate")), 404, "http.notFound",
                "/api/v1/ocpp/chargepoints/CB1/frobnicate");
        assertCode(call(FakeHttp.request("POST", path, "/CB1/calls/Frobnicate")), 400, "ocpp.unknownAction", "Frobnicate");
        assertCode(call(FakeHttp.request("POST", path, "/CB1/calls/Reset").body("{\"type\": 5}")), 400, "ocpp.badPayload");
        assertCode(call(FakeHttp.request("POST", path, "/CB1/calls/ChangeConfiguration")
                .body("{\"key\": \"AuthorizationKey\", \"value\": \"0123456789abcdef\"}")), 400, "ocpp.useChangePassword");

        JsonObject offline = assertCode(call(FakeHttp.request("POST", path, "/CB1/calls/Reset").body("{\"type\": \"Soft\"}")),
                409, "ocpp.offline", "CB1");
        assertThat(offline.get("ocppErrorCode").getAsString()).isEqualTo("Offline");
        assertCode(call(FakeHttp.request("POST", path, "/CB1/clear-charging-profiles")), 504, "ocpp.timeout", "CB1",
                "ClearChargingProfile");
        assertCode(call(FakeHttp.request("POST", path, "/CB1/local-list")), 503, "ocpp.noUserDirectory");
        assertCode(call(FakeHttp.request("POST", path, "/CB1/security-profile").body("{\"securityProfile\": 2}")), 409,
                "ocpp.profileNeedsTls", "2");
        assertCode(call(FakeHttp.request("POST", path, "/CB1/change-password")), 502, "ocpp.callError", "CB1",
                "NotSupported", "AuthorizationKey is read-only");

        assertCode(call(FakeHttp.request("POST", path, "/CB1/security-profile").body("{\"securityProfile\": 5}")), 400,
                "ocpp.profileRange", "securityProfile", "1", "3");
        assertCode(call(FakeHttp.request("POST", path, "/CB1/security-profile").body("{")), 400, "http.bodyShape",
                "{\"securityProfile\": 3}");
        assertCode(call(FakeHttp.request("PUT", path, "/CB1/password").body("{\"password\": \"short\"}")), 400,
                "ocpp.passwordLength", "8", "64");
        assertCode(call(FakeHttp.request("PUT", path, "/CB1/password").body("{\"password\": \"" + "x".repeat(70_000) + "\"}")),
                413, "http.tooLarge", String.valueOf(OperatorServlet.MAX_BODY_BYTES));
    }

    @Test
    void everyFailureOfACallHasItsKey() {
        assertThat(OperatorServlet.failure(new OcppCallException("QueueFull", "Reset: too many CALLs waiting"), "CB1", "Reset")
                .code()).isEqualTo("ocpp.queueFull");
        assertThat(OperatorServlet.failure(new OcppCallException("InvalidResponse", "status missing"), "CB1", "Reset")
                .code()).isEqualTo("ocpp.invalidResponse");
        assertThat(OperatorServlet.failure(new OcppCallException("NoTransaction", "CB1 connector 1 has no running "
                + "transaction"), "CB1", "RemoteStopTransaction").code()).isEqualTo("ocpp.noTransaction");
        assertThat(OperatorServlet.refused("3 ID tags, but the charge point holds at most 2 (LocalAuthListMaxLength)").args())
                .containsExactly(3, 2);
        assertThat(OperatorServlet.refused("CB1 has a running transaction on connector(s) [1]; the upgrade ends with a hard "
                + "reset, try again when no session runs").code()).isEqualTo("ocpp.profileRunningTransaction");
        assertThat(OperatorServlet.refused("SendLocalList version 4 (Full): Failed").args()).containsExactly(4, "Failed");
        assertThat(OperatorServlet.refused("something new").code()).isEqualTo("ocpp.refused");
    }
}
