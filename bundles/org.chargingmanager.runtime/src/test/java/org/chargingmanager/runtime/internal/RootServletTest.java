package org.chargingmanager.runtime.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.chargingmanager.testkit.http.FakeHttp;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/** The answers for paths no servlet takes carry a message key, so the web UI shows them in German too. */
class RootServletTest {

    private static StartupReadiness readiness(boolean ready) {
        return new StartupReadiness(null, null) {
            @Override
            boolean ready() {
                return ready;
            }
        };
    }

    private static FakeHttp.Response call(boolean ready, String method, String path) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        new RootServlet(readiness(ready)).service(FakeHttp.request(method, path, null).servlet(), response.servlet());
        return response;
    }

    @Test
    void whileStartingA503WithRetryAfterAndItsKey() throws Exception {
        FakeHttp.Response response = call(false, "GET", "/api/v1/ocpp/chargepoints");
        assertThat(response.status()).isEqualTo(503);
        assertThat(response.header("Retry-After")).isEqualTo("2");
        JsonObject body = response.json();
        assertThat(body.get("code").getAsString()).isEqualTo("http.starting");
        assertThat(body.getAsJsonArray("args").get(0).getAsInt()).isEqualTo(2);
        assertThat(body.get("error").getAsString()).isEqualTo("the charging manager is starting; try again shortly");
    }

    @Test
    void afterwardsA404NamingThePath() throws Exception {
        FakeHttp.Response response = call(true, "GET", "/nothing/\"here\"");
        assertThat(response.status()).isEqualTo(404);
        JsonObject body = response.json();
        assertThat(body.get("code").getAsString()).isEqualTo("http.notFound");
        assertThat(body.getAsJsonArray("args").get(0).getAsString()).isEqualTo("/nothing/\"here\"");
        assertThat(call(true, "GET", "/").status()).isEqualTo(302);
    }
}
