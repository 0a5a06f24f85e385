package org.chargingmanager.billing.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;

import org.chargingmanager.api.billing.PricedEnergy;
import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionCost;
import org.junit.jupiter.api.Test;

import com.google.gson.JsonObject;

/** The cost fields of a transaction in /api/v1/transactions. */
class TransactionJsonTest {

    private static final OffsetDateTime START = OffsetDateTime.parse("2026-01-20T22:30:00+01:00");

    private static Transaction session(TransactionCost cost) {
        return new Transaction(3, "garage-1", null, 1, null, null, START, START.plusHours(1), 1_000, 12_000L,
                "EVDisconnected", List.of(), null, cost);
    }

    @Test
    void aCostedSessionShowsItsTotalAndSlots() {
        JsonObject json = TransactionsJsonServlet.json(session(new TransactionCost("EUR", List.of(
                new PricedEnergy(Instant.parse("2026-01-20T20:00:00Z"), Instant.parse("2026-01-20T22:00:00Z"), 0.30,
                        5_500.0004),
                new PricedEnergy(Instant.parse("2026-01-20T22:00:00Z"), Instant.parse("2026-01-21T00:00:00Z"), 0.12,
                        5_499.9996)), 0, new BigDecimal("2.31"))));
        assertThat(json.get("cost").getAsBigDecimal()).isEqualByComparingTo("2.31");
        assertThat(json.get("currency").getAsString()).isEqualTo("EUR");
        assertThat(json.get("unpricedEnergyWattHours").getAsDouble()).isZero();
        assertThat(json.getAsJsonArray("priceSlots").get(1).toString()).isEqualTo("{\"start\":\"2026-01-20T22:00:00Z\","
                + "\"end\":\"2026-01-21T00:00:00Z\",\"pricePerKilowattHour\":0.12,\"energyWattHours\":5500.0}");
        assertThat(json.get("energyWattHours").getAsLong()).isEqualTo(11_000);
    }

    @Test
    void anUnknownCostIsNullNotZero() {
        JsonObject json = TransactionsJsonServlet.json(session(TransactionCost.UNKNOWN));
        assertThat(json.get("cost").isJsonNull()).isTrue();
        assertThat(json.get("currency").isJsonNull()).isTrue();
        assertThat(json.getAsJsonArray("priceSlots")).isEmpty();
    }
}
