package org.chargingmanager.eichrecht.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.testkit.http.FakeHttp;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/** The trusted meter keys' errors carry a message key and its values, so the web UI shows them in German. */
class ErrorCodesTest {

    private final TrustedKeys keys = (TrustedKeys) Proxy.newProxyInstance(TrustedKeys.class.getClassLoader(),
            new Class<?>[] {TrustedKeys.class}, (proxy, method, args) -> switch (method.getName()) {
                case "find", "confirm" -> Optional.empty();
                case "remove" -> false;
                case "enter" -> throw new IllegalArgumentException("not a point on secp256r1");
                default -> throw new UnsupportedOperationException(method.getName());
            });
    private final TrustedKeysServlet servlet = new TrustedKeysServlet(keys, null);

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
        List<String> values = new ArrayList<>();
        body.getAsJsonArray("args").forEach(a -> values.add(a.getAsString()));
        assertThat(values).containsExactly(args);
        return body;
    }

    @Test
    void everyErrorOfTheTrustedKeysHasItsKey() throws Exception {
        String path = TrustedKeysServlet.PATH;
        assertCode(call(FakeHttp.request("GET", path, "/garage-1")), 404, "key.none", "garage-1");
        assertCode(call(FakeHttp.request("POST", path, "/garage-1/confirm")), 404, "key.none", "garage-1");
        assertCode(call(FakeHttp.request("DELETE", path, "/garage-1")), 404, "key.none", "garage-1");
        assertCode(call(FakeHttp.request("POST", path, "/garage-1/verify")), 404, "http.pathIdMissing",
                "POST /api/v1/trusted-keys/{evseId}/confirm");
        assertCode(call(FakeHttp.request("PUT", path, "/garage-1").body("{\"publicKey\":")), 400, "http.bodyShape",
                "{\"publicKey\": \"...\"}");
        JsonObject missing = assertCode(call(FakeHttp.request("PUT", path, "/garage-1").body("{\"publicKey\":\" \"}")), 400,
                "key.missing");
        assertThat(missing.get("field").getAsString()).isEqualTo("publicKey");
        JsonObject unusable = assertCode(call(FakeHttp.request("PUT", path, "/garage-1").body("{\"publicKey\":\"04ab\"}")),
                400, "key.unusable", "not a point on secp256r1");
        assertThat(unusable.get("field").getAsString()).isEqualTo("publicKey");
        assertCode(call(FakeHttp.request("PUT", path, "/garage-1").body("{\"publicKey\":\"" + "a".repeat(20_000) + "\"}")),
                413, "http.tooLarge", String.valueOf(TrustedKeysServlet.MAX_BODY_BYTES));
    }
}
