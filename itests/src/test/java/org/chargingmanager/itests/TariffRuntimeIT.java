package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;

import org.junit.Test;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * A time-of-use tariff configured by a file in {@code etc/} of the standalone runtime: the
 * variable {@code PRICE} appears in {@code get_cm_vars} with the tariff's price, follows a change
 * of the file, and a file that cannot be read is refused with a log line naming the problem.
 */
public class TariffRuntimeIT {

    private static final Duration TIMEOUT = Duration.ofSeconds(30);
    private static final String CONFIG = "etc/org.chargingmanager.tariff.fixed-home.config";

    @Test
    public void aTariffFileGivesThePriceVariableAndFormulasOverTheTariff() throws Exception {
        Path directory = StandaloneRuntime.testDirectory("tariff");
        Path home = ModbusDriversRuntimeIT.copyRuntime(directory.resolve("home"));
        // the whole week at 0.27 except a cheaper window that never matches today and tomorrow alike
        Files.writeString(home.resolve(CONFIG), "id=\"home\"\nimportPricePerKilowattHour=D\"0.35\"\n"
                + "periods=[\"* 00:00-24:00 0.27\"]\nfeedInPricePerKilowattHour=\"0.08\"\ntimeZone=\"UTC\"\n");
        try (RuntimeProcess runtime = RuntimeProcess.start(home, directory, "console.log", Map.of())) {
            Await.until("PRICE = 0.27 in get_cm_vars", TIMEOUT, () -> value(runtime, "PRICE") == 0.27);
            assertEquals("tariff.price", variable(runtime, "PRICE").get("expr").getAsString());

            HttpResponse<String> set = runtime.get("/cnf?cmd=set_cm_vars&name=CHEAP&val=tariff.price%20%3C%200.30");
            assertEquals(set.body(), 200, set.statusCode());
            assertEquals(1.0, value(runtime, "CHEAP"), 0);
            runtime.get("/cnf?cmd=set_cm_vars&name=FEEDIN&val=tariff.feed_in");
            assertEquals(0.08, value(runtime, "FEEDIN"), 1e-9);
            HttpResponse<String> bad = runtime.get("/cnf?cmd=set_cm_vars&name=X&val=tariff.rank_99");
            assertEquals(bad.body(), 400, bad.statusCode());
            assertTrue(bad.body(), bad.body().contains("rank_N with N from 1 to 48"));

            Files.writeString(home.resolve(CONFIG), "id=\"home\"\nimportPricePerKilowattHour=D\"0.35\"\n"
                    + "periods=[\"* 00:00-24:00 0.31\"]\ntimeZone=\"UTC\"\n");
            Await.until("PRICE follows the file", TIMEOUT, () -> value(runtime, "PRICE") == 0.31);
            assertEquals(0.0, value(runtime, "CHEAP"), 0);

            Files.writeString(home.resolve(CONFIG), "id=\"home\"\nperiods=[\"weekdays 22:00-06:00 0.22\"]\n");
            Await.until("the refusal in the log", TIMEOUT, () -> log(runtime).contains(
                    "Tariff 'home': 'weekdays 22:00-06:00 0.22': 'weekdays' is not a weekday"));
            Await.until("no price without a readable tariff", TIMEOUT, () -> {
                JsonObject price = variable(runtime, "PRICE");
                return price != null && (!price.has("value") || price.get("value").isJsonNull())
                        && price.get("error").getAsString().contains("no tariff is configured");
            });
            assertTrue(runtime.alive());
            String log = log(runtime);
            assertEquals("the problem is logged once", log.indexOf("is not a weekday"), log.lastIndexOf("is not a weekday"));
        }
    }

    private static double value(RuntimeProcess runtime, String name) {
        try {
            JsonObject variable = variable(runtime, name);
            return variable == null || variable.get("value").isJsonNull() ? Double.NaN : variable.get("value").getAsDouble();
        } catch (Exception e) {
            return Double.NaN;
        }
    }

    private static JsonObject variable(RuntimeProcess runtime, String name) {
        try {
            HttpResponse<String> response = runtime.get("/cnf?cmd=get_cm_vars");
            for (JsonElement element : JsonParser.parseString(response.body()).getAsJsonObject().getAsJsonArray("vars")) {
                if (element.getAsJsonObject().get("name").getAsString().equals(name)) {
                    return element.getAsJsonObject();
                }
            }
            return null;
        } catch (Exception e) {
            return null;
        }
    }

    private static String log(RuntimeProcess runtime) {
        try {
            return Files.readString(runtime.log);
        } catch (java.io.IOException e) {
            return "";
        }
    }
}
