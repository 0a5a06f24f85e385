package org.chargingmanager.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.api.tariff.Tariff;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

class TariffsServletTest {

    private static final Instant NOW = Instant.parse("2026-01-20T21:30:00Z");

    private static Tariff tariff(String id, PriceForecast forecast) {
        return new Tariff() {
            @Override
            public String id() {
                return id;
            }

            @Override
            public PriceForecast forecast() {
                return forecast;
            }
        };
    }

    @Test
    void aFailingSourceShowsItsProblemBesideTheLastKnownPricesAndTheSelectedTariffComesFirst() {
        PriceForecast lastGood = new PriceForecast("EUR", List.of(PriceSlot.importOnly(NOW.minusSeconds(1800),
                NOW.plusSeconds(1800), 0.30)), Instant.parse("2026-01-20T13:00:00Z"), "prices.example.org: HTTP 503");
        TariffsServlet.Registered supplier = new TariffsServlet.Registered(tariff("supplier", lastGood), 10, 40);
        TariffsServlet.Registered fixed = new TariffsServlet.Registered(tariff("fixed",
                PriceForecast.empty("EUR", "")), 0, 12);
        TariffsServlet.Registered later = new TariffsServlet.Registered(tariff("later",
                PriceForecast.empty("EUR", "no prices fetched yet")), 10, 41);

        JsonObject all = TariffsServlet.all(TariffsServlet.ordered(List.of(fixed, later, supplier)), NOW);

        assertThat(all.get("selected").getAsString()).isEqualTo("supplier");
        assertThat(all.getAsJsonArray("tariffs").get(0).toString()).isEqualTo("{\"id\":\"supplier\",\"ranking\":10,"
                + "\"selected\":true,\"currency\":\"EUR\",\"fetchedAt\":\"2026-01-20T13:00:00Z\","
                + "\"problem\":\"prices.example.org: HTTP 503\",\"slots\":1,\"knownUntil\":\"2026-01-20T22:00:00Z\","
                + "\"importPricePerKilowattHourNow\":0.3}");
        assertThat(all.getAsJsonArray("tariffs").get(1).getAsJsonObject().get("id").getAsString()).isEqualTo("later");
        assertThat(all.getAsJsonArray("tariffs").get(2).getAsJsonObject().get("selected").getAsBoolean()).isFalse();
        assertThat(all.getAsJsonArray("tariffs").get(2).getAsJsonObject().get("importPricePerKilowattHourNow")
                .isJsonNull()).isTrue();
    }

    @Test
    void withoutTariffsNothingIsSelected() {
        assertThat(TariffsServlet.all(List.of(), NOW).toString()).isEqualTo("{\"selected\":null,\"tariffs\":[]}");
    }
}
