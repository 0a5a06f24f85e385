package org.chargingmanager.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import javax.servlet.http.HttpServlet;

import org.chargingmanager.api.evse.ChargingMode;
import org.chargingmanager.api.evse.ChargingModes;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseDirectory;
import org.chargingmanager.api.plan.ChargingPlanRequest;
import org.chargingmanager.api.plan.ChargingPlanStatus;
import org.chargingmanager.api.plan.ChargingPlans;
import org.chargingmanager.api.plan.PlanState;
import org.chargingmanager.testkit.http.FakeHttp;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/**
 * Every error answer of the web bundle's servlets carries its message key and values beside the
 * English text, so the page can show it in German: charging modes and plans, the generic answers
 * (not found, malformed or too large body, a method the servlet does not take).
 */
class ErrorAnswersTest {

    private static final Instant NOW = Instant.parse("2026-12-07T10:00:00Z");

    private static FakeHttp.Response call(HttpServlet servlet, FakeHttp.Request request) throws Exception {
        FakeHttp.Response response = new FakeHttp.Response();
        servlet.service(request.servlet(), response.servlet());
        return response;
    }

    private static void assertCode(FakeHttp.Response response, int status, String code, String... args) {
        assertThat(response.status()).isEqualTo(status);
        JsonObject body = response.json();
        assertThat(body.get("code").getAsString()).isEqualTo(code);
        assertThat(body.get("error").getAsString()).isNotBlank();
        List<String> values = new java.util.ArrayList<>();
        body.getAsJsonArray("args").forEach(a -> values.add(a.isJsonPrimitive() ? a.getAsString() : a.toString()));
        assertThat(values).containsExactly(args);
    }

    /** Charging modes that fail to store when told to. */
    private static final class Modes implements ChargingModes {
        boolean failing;

        @Override
        public Map<String, ChargingMode> modes() {
            return Map.of();
        }

        @Override
        public ChargingMode mode(String evseId) {
            return ChargingMode.FAST;
        }

        @Override
        public void setMode(String evseId, ChargingMode mode, String user) throws IOException {
            if (failing) {
                throw new IOException("disk full");
            }
        }
    }

    @Test
    void chargingModeErrorsHaveTheirKeys() throws Exception {
        Modes modes = new Modes();
        ChargingModeServlet servlet = new ChargingModeServlet(modes);
        String path = "/api/v1/charging-modes";

        FakeHttp.Response unknown = call(servlet, FakeHttp.request("PUT", path, "/carport-1").body("{\"mode\":\"TURBO\"}"));
        assertCode(unknown, 400, "mode.unknown", "TURBO", "[FAST, MIN_PV, PV_ONLY, OFF]");
        assertThat(unknown.json().get("field").getAsString()).isEqualTo("mode");

        FakeHttp.Response noId = call(servlet, FakeHttp.request("PUT", path, null).body("{\"mode\":\"FAST\"}"));
        assertCode(noId, 400, "http.pathIdMissing", "PUT /api/v1/charging-modes/ID with {\"mode\": \"PV_ONLY\"}");

        assertCode(call(servlet, FakeHttp.request("PUT", path, "/carport-1").body("{\"mode\":")), 400, "http.badJson");
        assertCode(call(servlet, FakeHttp.request("PUT", path, "/carport-1").body("[1]")), 400, "http.notObject");
        assertCode(call(servlet, FakeHttp.request("PUT", path, "/carport-1").body("{\"mode\":{}}")), 400, "value.notText", "mode");
        assertCode(call(servlet, FakeHttp.request("PUT", path, "/carport-1").body("{\"mode\":\"" + "x".repeat(70_000) + "\"}")),
                413, "http.tooLarge", "65536");

        modes.failing = true;
        assertCode(call(servlet, FakeHttp.request("PUT", path, "/carport-1").body("{\"mode\":\"FAST\"}")), 503,
                "settings.notStored");
    }

    /** Plans as the core keeps them: one refused deadline, one plan that cannot be met. */
    private static final class Plans implements ChargingPlans {
        @Override
        public List<ChargingPlanStatus> plans() {
            return List.of();
        }

        @Override
        public Optional<ChargingPlanStatus> plan(String evseId) {
            return evseId.equals("tight") ? Optional.of(new ChargingPlanStatus(new ChargingPlanRequest("tight", 40_000,
                    NOW.plusSeconds(3600)), PlanState.NOT_FEASIBLE, "needs 40.0 kWh by 11:00, but at most 11.0 kWh fit "
                    + "before then (its maximum current, the house connection and the plans of higher priority or earlier "
                    + "deadline)", 0, 11_000, List.of(), Double.NaN, "EUR", NOW)) : Optional.empty();
        }

        @Override
        public ChargingPlanStatus setPlan(ChargingPlanRequest request, String user) {
            throw new IllegalArgumentException("the deadline is more than 7 days ahead");
        }

        @Override
        public boolean removePlan(String evseId, String user) {
            return false;
        }
    }

    @Test
    void chargingPlanErrorsHaveTheirKeys() throws Exception {
        ChargingPlanServlet servlet = new ChargingPlanServlet(new Plans(), Clock.fixed(NOW, ZoneId.of("Europe/Berlin")));
        String path = "/api/v1/charging-plans";

        assertCode(call(servlet, FakeHttp.request("GET", path, "/carport-1")), 404, "plan.none", "carport-1");
        assertCode(call(servlet, FakeHttp.request("DELETE", path, "/carport-1")), 404, "plan.none", "carport-1");
        FakeHttp.Response badDeadline = call(servlet, FakeHttp.request("PUT", path, "/carport-1")
                .body("{\"energyKilowattHours\": 20, \"deadline\": \"morgen früh\"}"));
        assertCode(badDeadline, 400, "plan.badDeadline", "morgen früh");
        assertThat(badDeadline.json().get("field").getAsString()).isEqualTo("deadline");
        assertCode(call(servlet, FakeHttp.request("PUT", path, "/carport-1").body("{\"energyKilowattHours\": 5000,"
                + " \"deadline\": \"07:00\"}")), 400, "plan.energyRange", "5000.0");
        assertCode(call(servlet, FakeHttp.request("PUT", path, "/carport-1").body("{\"deadline\": \"07:00\"}")), 400,
                "plan.energyNeeded");
        assertCode(call(servlet, FakeHttp.request("PUT", path, "/carport-1").body("{\"targetSocPercent\": 80,"
                + " \"deadline\": \"07:00\"}")), 400, "plan.socNeeded");
        assertCode(call(servlet, FakeHttp.request("PUT", path, "/carport-1").body("{\"energyKilowattHours\": \"viel\","
                + " \"deadline\": \"07:00\"}")), 400, "value.notNumber", "energyKilowattHours");
        assertCode(call(servlet, FakeHttp.request("PUT", path, "/carport-1").body("{\"energyKilowattHours\": 20,"
                + " \"deadline\": \"07:00\"}")), 400, "plan.deadlineTooFar", "7");

        JsonObject tight = call(servlet, FakeHttp.request("GET", path, "/tight")).json();
        assertThat(tight.getAsJsonObject("reasonMessage").get("code").getAsString()).isEqualTo("plan.notFeasible");
        assertThat(tight.getAsJsonObject("reasonMessage").getAsJsonArray("args").toString())
                .isEqualTo("[\"40.0\",\"11:00\",\"11.0\"]");
    }

    @Test
    void aSendErrorOfAnyServletAnswersAsJsonWithItsKey() throws Exception {
        ErrorPageServlet errors = new ErrorPageServlet();
        assertCode(call(errors, FakeHttp.request("POST", "/api/v1/dashboard", null)
                .attribute("javax.servlet.error.status_code", 405)), 405, "http.methodNotAllowed", "POST");
        assertCode(call(errors, FakeHttp.request("GET", "/chargingmanager/nothing.js", null)
                .attribute("jakarta.servlet.error.status_code", 404)), 404, "http.notFound", "/chargingmanager/nothing.js");
        assertCode(call(errors, FakeHttp.request("PATCH", "/api/v1/variables", null)
                .attribute("javax.servlet.error.status_code", 501)), 501, "http.methodNotAllowed", "PATCH");
        assertCode(call(errors, FakeHttp.request("GET", "/api/v1/x", null)
                .attribute("javax.servlet.error.status_code", 500)), 500, "http.serverError");
        assertCode(call(errors, FakeHttp.request("GET", "/api/v1/x", null)
                .attribute("javax.servlet.error.status_code", 418)), 418, "http.status", "418");
    }

    @Test
    void unknownResourcesAndBadRequestsOfTheJsonApi() throws Exception {
        ApiServlet api = new ApiServlet(new EvseDirectory() {
            @Override
            public Collection<Evse> evses() {
                return List.of();
            }

            @Override
            public Optional<Evse> find(String evseId) {
                return Optional.empty();
            }

            @Override
            public Subscription subscribe(Listener listener) {
                return () -> { };
            }
        });
        assertCode(call(api, FakeHttp.request("GET", "/api/v1/evses", "/nowhere")), 404, "evse.unknown", "nowhere");
        assertCode(call(api, FakeHttp.request("GET", "/api/v1/meters", "/nowhere")), 404, "meter.unknown", "nowhere");
        assertCode(call(api, FakeHttp.request("GET", "/api/v1/evses", "/a/b")), 404, "http.notFound", "/api/v1/evses/a/b");
    }
}
