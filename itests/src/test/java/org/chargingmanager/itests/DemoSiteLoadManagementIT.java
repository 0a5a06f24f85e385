package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;

import org.junit.Test;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The grid operator curtails the demo site of the standalone runtime through {@code /cnf}, and
 * the simulated grid meter follows within 3 s.
 */
public class DemoSiteLoadManagementIT {

    @Test
    public void availTwentyBringsTheDemoSiteToAtMost11kWWithinThreeSeconds() throws Exception {
        try (RuntimeProcess runtime = RuntimeProcess.start("demo-site")) {
            try {
                assertEquals(100.0, variable(runtime, "AVAIL").get("value").getAsDouble(), 0);
                awaitGridPower(runtime, power -> power > 20_000, 20_000, "both demo cars charging at full power");

                HttpResponse<String> set = runtime.get("/cnf?cmd=set_cm_vars&name=AVAIL&val=20");
                assertEquals(set.body(), 200, set.statusCode());
                long setAt = System.nanoTime();
                double power = awaitGridPower(runtime, watts -> watts <= 11_000, 3_000, "grid power at most 11000 W");
                System.out.printf("grid power %.1f W after %d ms%n", power, (System.nanoTime() - setAt) / 1_000_000);

                assertEquals(20.0, variable(runtime, "AVAIL").get("value").getAsDouble(), 0);
                JsonArray evses = JsonParser.parseString(runtime.get("/api/v1/evses").body()).getAsJsonArray();
                assertEquals(2, evses.size());
                for (JsonElement evse : evses) {
                    JsonObject limit = evse.getAsJsonObject().getAsJsonObject("limit");
                    assertEquals("HOUSE_LIMIT", limit.get("reason").getAsString());
                    assertTrue(limit.get("currentAmps").getAsDouble() >= 6);
                    assertEquals("CHARGING", evse.getAsJsonObject().get("state").getAsString());
                }

                assertEquals(401, runtime.getWithoutPassword("/cnf?cmd=set_cm_vars&name=AVAIL&val=100").statusCode());
                HttpResponse<String> post = runtime.post("/cnf?cmd=set_cm_vars",
                        "{\"vars\":[{\"name\":\"AVAIL\",\"expr\":100},{\"name\":\"TARIF\",\"expr\":\"1\"}]}");
                assertEquals(post.body(), 200, post.statusCode());
                awaitGridPower(runtime, watts -> watts > 20_000, 3_000, "full power again at AVAIL 100");
                assertEquals(1.0, variable(runtime, "TARIF").get("value").getAsDouble(), 0);

                HttpResponse<String> bad = runtime.post("/cnf?cmd=set_cm_vars",
                        "{\"vars\":[{\"name\":\"AVAIL\",\"expr\":10},{\"name\":\"X\",\"expr\":\"AVAIL +\"}]}");
                assertEquals(400, bad.statusCode());
                assertTrue(bad.body(), bad.body().contains("variable X"));
                assertEquals("a rejected POST changes nothing", 100.0,
                        variable(runtime, "AVAIL").get("value").getAsDouble(), 0);
            } catch (AssertionError | RuntimeException e) {
                System.out.println(Files.readString(runtime.log));
                throw e;
            }
        }
    }

    private static JsonObject variable(RuntimeProcess runtime, String name) throws Exception {
        HttpResponse<String> response = runtime.get("/cnf?cmd=get_cm_vars");
        assertEquals(200, response.statusCode());
        for (JsonElement element : JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("vars")) {
            if (element.getAsJsonObject().get("name").getAsString().equalsIgnoreCase(name)) {
                return element.getAsJsonObject();
            }
        }
        throw new AssertionError(name + " missing in " + response.body());
    }

    private static double awaitGridPower(RuntimeProcess runtime, java.util.function.DoublePredicate condition,
            long timeoutMillis, String what) throws Exception {
        long deadline = System.nanoTime() + timeoutMillis * 1_000_000;
        double power;
        do {
            HttpResponse<String> response = runtime.get("/api/v1/meters/grid");
            power = response.statusCode() == 200
                    ? JsonParser.parseString(response.body()).getAsJsonObject().get("powerWatts").getAsDouble()
                    : Double.NaN;
            if (condition.test(power)) {
                return power;
            }
            Thread.sleep(100);
        } while (System.nanoTime() < deadline);
        throw new AssertionError("timed out after " + timeoutMillis + " ms waiting for " + what + "; last " + power + " W");
    }
}
