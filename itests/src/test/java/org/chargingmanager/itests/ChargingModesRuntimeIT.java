package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * Charging modes over {@code /api/v1/charging-modes} and plans over {@code /api/v1/charging-plans}
 * in the standalone runtime with the demo site:
 * OFF stops one demo car with its reason, FAST lets it charge again, the mode is stored in the
 * charging point's settings and survives a restart, bad requests are refused.
 */
public class ChargingModesRuntimeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);

    @Test
    public void aChargingModeSetOverTheApiStopsAndStartsADemoCarAndSurvivesARestart() throws Exception {
        Path directory = StandaloneRuntime.testDirectory("charging-modes");
        Path home = directory.resolve("home");
        copyWithDemo(home);
        try (RuntimeProcess runtime = RuntimeProcess.start(home, directory, "console.log", Map.of())) {
            Await.until("demo1-1 charging", TIMEOUT, () -> limitAmps(runtime, "demo1-1") > 6);
            HttpResponse<String> off = runtime.send("PUT", "/api/v1/charging-modes/demo1-1", "{\"mode\":\"off\"}");
            assertEquals(off.body(), 200, off.statusCode());
            assertEquals("OFF", JsonParser.parseString(off.body()).getAsJsonObject().get("mode").getAsString());
            Await.until("demo1-1 stopped by its mode", TIMEOUT, () -> limitAmps(runtime, "demo1-1") == 0
                    && "charging mode: off".equals(limit(runtime, "demo1-1").get("detail").getAsString()));
            assertTrue(limitAmps(runtime, "demo2-1") > 6);

            HttpResponse<String> bad = runtime.send("PUT", "/api/v1/charging-modes/demo1-1", "{\"mode\":\"turbo\"}");
            assertEquals(400, bad.statusCode());
            assertTrue(bad.body(), bad.body().contains("'turbo' is not a charging mode"));
            assertEquals(400, runtime.send("PUT", "/api/v1/charging-modes/demo1-1", "{\"mode\":7}").statusCode());
            assertEquals(400, runtime.send("PUT", "/api/v1/charging-modes/demo1-1", "not json").statusCode());
            assertEquals(401, runtime.getWithoutPassword("/api/v1/charging-modes").statusCode());
            JsonObject all = JsonParser.parseString(runtime.get("/api/v1/charging-modes").body()).getAsJsonObject();
            assertEquals("OFF", all.getAsJsonObject("modes").get("demo1-1").getAsString());
        }
        try (RuntimeProcess restarted = RuntimeProcess.start(home, directory, "console-2.log", Map.of())) {
            JsonObject one = JsonParser.parseString(restarted.get("/api/v1/charging-modes/demo1-1").body()).getAsJsonObject();
            assertEquals("the mode survives a restart", "OFF", one.get("mode").getAsString());
            Await.until("demo2-1 charging", TIMEOUT, () -> limitAmps(restarted, "demo2-1") > 6);
            assertEquals(0.0, limitAmps(restarted, "demo1-1"), 0);
            HttpResponse<String> fast = restarted.send("PUT", "/api/v1/charging-modes/demo1-1", "{\"mode\":\"FAST\"}");
            assertEquals(fast.body(), 200, fast.statusCode());
            // the minimum pause of 60 s holds a paused car; then it charges again
            Await.until("demo1-1 charging again", Duration.ofSeconds(90), () -> limitAmps(restarted, "demo1-1") > 6);
            assertTrue(Files.readString(restarted.log).contains("EVSE demo1-1: charging mode OFF -> FAST (by admin)"));
        }
    }

    /**
     * A time-of-use tariff dear now and cheap in two hours from now + 3 h: a plan of 5 kWh set over
     * the API holds demo1-1 until then (reason and next slot in the limit), the planned slots lie in
     * the cheap hours at their price, bad requests are refused naming the field, and removing the
     * plan releases the car from it.
     */
    @Test
    public void aChargingPlanWaitsForTheCheapHoursAndIsRefusedWithBadInput() throws Exception {
        Path directory = StandaloneRuntime.testDirectory("charging-plans");
        Path home = directory.resolve("home");
        copyWithDemo(home);
        java.time.ZonedDateTime now = java.time.ZonedDateTime.now(java.time.ZoneOffset.UTC);
        int cheapFrom = (now.getHour() + 3) % 24;
        int cheapUntil = (cheapFrom + 2) % 24;
        Files.writeString(home.resolve("etc/org.chargingmanager.tariff.fixed-plan.config"),
                "id=\"plan\"\nimportPricePerKilowattHour=\"0.40\"\ntimeZone=\"UTC\"\nperiods=[\"* "
                        + String.format("%02d:00-%02d:00", cheapFrom, cheapUntil) + " 0.10\"]\n");
        try (RuntimeProcess runtime = RuntimeProcess.start(home, directory, "console.log", Map.of())) {
            Await.until("demo1-1 charging", TIMEOUT, () -> limitAmps(runtime, "demo1-1") > 6);
            String deadline = now.plusHours(10).toInstant().toString();
            HttpResponse<String> set = runtime.send("PUT", "/api/v1/charging-plans/demo1-1",
                    "{\"energyKilowattHours\": 5, \"deadline\": \"" + deadline + "\"}");
            assertEquals(set.body(), 200, set.statusCode());
            Await.until("demo1-1 waits for the cheap hours", TIMEOUT, () -> limitAmps(runtime, "demo1-1") == 0
                    && limit(runtime, "demo1-1").get("detail").getAsString().startsWith("charging plan: 5.0 kWh by"));
            assertTrue(limit(runtime, "demo1-1").get("detail").getAsString().contains("waits for"));
            assertTrue(limitAmps(runtime, "demo2-1") > 6);

            JsonObject plan = JsonParser.parseString(runtime.get("/api/v1/charging-plans/demo1-1").body()).getAsJsonObject();
            assertEquals(plan.toString(), "PLANNED", plan.get("state").getAsString());
            assertEquals(plan.toString(), 0.5, plan.get("expectedCost").getAsDouble(), 0.05);
            assertEquals("EUR", plan.get("currency").getAsString());
            for (JsonElement slot : plan.getAsJsonArray("slots")) {
                int hour = java.time.Instant.parse(slot.getAsJsonObject().get("start").getAsString())
                        .atZone(java.time.ZoneOffset.UTC).getHour();
                assertTrue(plan.toString(), hour == cheapFrom || hour == (cheapFrom + 1) % 24);
                assertEquals(0.10, slot.getAsJsonObject().get("pricePerKilowattHour").getAsDouble(), 1e-9);
            }
            assertTrue(Files.readString(directory.resolve("data/charging-plans.properties")).contains("demo1-1"));

            HttpResponse<String> badDeadline = runtime.send("PUT", "/api/v1/charging-plans/demo1-1",
                    "{\"energyKilowattHours\": 5, \"deadline\": \"tomorrow\"}");
            assertEquals(400, badDeadline.statusCode());
            assertEquals("deadline", JsonParser.parseString(badDeadline.body()).getAsJsonObject().get("field").getAsString());
            HttpResponse<String> past = runtime.send("PUT", "/api/v1/charging-plans/demo1-1",
                    "{\"energyKilowattHours\": 5, \"deadline\": \"2020-01-01T07:00:00Z\"}");
            assertEquals(400, past.statusCode());
            assertTrue(past.body(), past.body().contains("has passed"));
            assertEquals(400, runtime.send("PUT", "/api/v1/charging-plans/demo1-1",
                    "{\"energyKilowattHours\": \"lots\", \"deadline\": \"07:00\"}").statusCode());
            assertEquals(400, runtime.send("PUT", "/api/v1/charging-plans/demo1-1", "{\"deadline\": \"07:00\"}").statusCode());
            assertEquals(401, runtime.getWithoutPassword("/api/v1/charging-plans").statusCode());

            assertEquals(204, runtime.send("DELETE", "/api/v1/charging-plans/demo1-1", "").statusCode());
            assertEquals(404, runtime.get("/api/v1/charging-plans/demo1-1").statusCode());
            Await.until("demo1-1 no longer held by the plan", TIMEOUT,
                    () -> !limit(runtime, "demo1-1").get("detail").getAsString().startsWith("charging plan"));
        }
    }

    private static void copyWithDemo(Path home) throws Exception {
        Path copy = ModbusDriversRuntimeIT.copyRuntime(home);
        Path source = StandaloneRuntime.runtimeDirectory().resolve("etc");
        try (Stream<Path> configs = Files.list(source)) {
            for (Path config : (Iterable<Path>) configs::iterator) {
                if (config.getFileName().toString().startsWith("org.chargingmanager.simulator.")) {
                    Files.copy(config, copy.resolve("etc").resolve(config.getFileName()));
                }
            }
        }
    }

    private static JsonObject limit(RuntimeProcess runtime, String evseId) {
        try {
            for (JsonElement evse : JsonParser.parseString(runtime.get("/api/v1/evses").body()).getAsJsonArray()) {
                if (evse.getAsJsonObject().get("id").getAsString().equals(evseId)) {
                    return evse.getAsJsonObject().getAsJsonObject("limit");
                }
            }
        } catch (Exception e) {
            // not ready yet
        }
        return null;
    }

    private static double limitAmps(RuntimeProcess runtime, String evseId) {
        JsonObject limit = limit(runtime, evseId);
        return limit == null ? -1 : limit.get("currentAmps").getAsDouble();
    }
}
