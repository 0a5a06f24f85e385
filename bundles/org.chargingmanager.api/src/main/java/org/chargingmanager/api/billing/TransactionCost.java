package org.chargingmanager.api.billing;

import java.math.BigDecimal;
import java.util.List;

/**
 * What a charging session cost: the price slots it drew energy in (the price valid when the
 * energy was drawn, not the price at the end) and the total.
 *
 * @param currency ISO 4217 code of the prices, or {@code null} if no price was known
 * @param slots the energy per price slot, in time order
 * @param unpricedEnergyWattHours energy drawn while no price was known (no tariff, a gap in its
 *        forecast, a tariff in another currency)
 * @param cost the total rounded to the currency's minor unit, or {@code null} while the session
 *        is open, for sessions recorded before costs were tracked, and when part of the energy
 *        has no price: never a partial number
 */
public record TransactionCost(String currency, List<PricedEnergy> slots, double unpricedEnergyWattHours,
        BigDecimal cost) {

    /** No cost known: sessions recorded before costs were tracked. */
    public static final TransactionCost UNKNOWN = new TransactionCost(null, List.of(), 0, null);

    public TransactionCost {
        slots = slots == null ? List.of() : List.copyOf(slots);
    }
}
