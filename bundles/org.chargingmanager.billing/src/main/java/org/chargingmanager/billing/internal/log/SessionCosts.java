package org.chargingmanager.billing.internal.log;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Currency;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import org.chargingmanager.api.billing.PricedEnergy;
import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.billing.internal.cost.EnergySplit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The cost columns of the transaction log ({@code reading_at}, {@code reading_register_wh},
 * {@code reading_gap}, {@code unpriced_wh}, {@code currency}, {@code cost}) and the table
 * {@code cm_transaction_price_slot}: the SQL of {@link JdbcTransactionLog#recordEnergy} and of the
 * cost at a stop, inside the caller's database transaction.
 */
final class SessionCosts {

    /** Readings and stop values may disagree by this much (1 %) before a session's cost is refused. */
    static final double ENERGY_TOLERANCE = 0.01;
    private static final Logger LOG = LoggerFactory.getLogger(SessionCosts.class);

    private final Supplier<PriceForecast> prices;

    /** @param prices the site's prices now, or {@code null} without a tariff */
    SessionCosts(Supplier<PriceForecast> prices) {
        this.prices = prices;
    }

    /**
     * Shares the energy a charging point drew between two readings among the price slots of the
     * site's tariff, for its open session. The part of the interval before the session's last
     * reading (or its start) is left out. A gap between the session's last reading and
     * {@code from} (the recorder restarted, a write failed) is bridged with the energy register
     * stored at that reading; where none is stored, the energy of the gap is later unpriced.
     * {@code from} equal to {@code to} with no energy is a plain reading of the register.
     *
     * @param registerWattHours the energy register at {@code to}
     * @return whether the charging point has an open session whose cost is tracked
     */
    boolean record(Connection connection, String evseId, Instant from, Instant to, double energyWattHours,
            double registerWattHours) throws SQLException {
        long id;
        Instant readingAt;
        String currency;
        Double storedRegister;
        try (PreparedStatement select = connection.prepareStatement("SELECT id, reading_at, currency,"
                + " reading_register_wh FROM cm_transaction WHERE evse_id = ? AND end_at IS NULL"
                + " ORDER BY id DESC FOR UPDATE")) {
            select.setString(1, evseId);
            select.setMaxRows(1);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next()) {
                    return false;
                }
                id = result.getLong(1);
                OffsetDateTime at = result.getObject(2, OffsetDateTime.class);
                readingAt = at == null ? null : at.toInstant();
                currency = result.getString(3);
                double register = result.getDouble(4);
                storedRegister = result.wasNull() ? null : register;
            }
        }
        if (readingAt == null || !to.isAfter(readingAt)) {
            return readingAt != null;
        }
        if (from.isAfter(readingAt)) { // a gap since the session's last reading
            double registerAtFrom = registerWattHours - energyWattHours;
            if (storedRegister != null && registerAtFrom >= storedRegister) {
                attribute(connection, id, readingAt, from, registerAtFrom - storedRegister, currency);
            } else {
                try (PreparedStatement gap = connection.prepareStatement(
                        "UPDATE cm_transaction SET reading_gap = TRUE WHERE id = ?")) {
                    gap.setLong(1, id);
                    gap.executeUpdate();
                }
                LOG.info("Transaction {} at EVSE {}: no reading of the energy from {} to {}; the energy of that "
                        + "time will have no price", id, evseId, readingAt, from);
            }
        }
        double energy = energyWattHours;
        Instant begin = from;
        if (from.isBefore(readingAt)) { // the interval began before the session (or its last reading)
            energy = energyWattHours * Duration.between(readingAt, to).toNanos()
                    / Duration.between(from, to).toNanos();
            begin = readingAt;
        }
        attribute(connection, id, begin, to, energy, currency);
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE cm_transaction SET reading_register_wh = ? WHERE id = ?")) {
            update.setDouble(1, registerWattHours);
            update.setLong(2, id);
            update.executeUpdate();
        }
        return true;
    }

    /** Adds an interval's energy to the session's price slots and moves its last reading to {@code to}. */
    private void attribute(Connection connection, long id, Instant from, Instant to, double energyWattHours,
            String sessionCurrency) throws SQLException {
        EnergySplit.Result split = EnergySplit.split(from, to, energyWattHours, prices.get(), sessionCurrency);
        for (PricedEnergy slot : split.priced()) {
            int updated;
            try (PreparedStatement update = connection.prepareStatement("UPDATE cm_transaction_price_slot"
                    + " SET energy_wh = energy_wh + ? WHERE transaction_id = ? AND slot_start = ?")) {
                update.setDouble(1, slot.energyWattHours());
                update.setLong(2, id);
                update.setObject(3, utc(slot.start()));
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cm_transaction_price_slot"
                        + " (transaction_id, slot_start, slot_end, price_per_kwh, energy_wh) VALUES (?, ?, ?, ?, ?)")) {
                    insert.setLong(1, id);
                    insert.setObject(2, utc(slot.start()));
                    insert.setObject(3, utc(slot.end()));
                    insert.setDouble(4, slot.pricePerKilowattHour());
                    insert.setDouble(5, slot.energyWattHours());
                    insert.executeUpdate();
                }
            }
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE cm_transaction SET reading_at = ?,"
                + " unpriced_wh = unpriced_wh + ?, currency = COALESCE(currency, ?) WHERE id = ?")) {
            update.setObject(1, utc(to));
            update.setDouble(2, split.unpricedEnergyWattHours());
            update.setString(3, split.currency());
            update.setLong(4, id);
            update.executeUpdate();
        }
    }

    /**
     * At the stop of an open session whose cost is tracked: the energy from the last reading up to
     * the stop meter value goes to the slots from that reading to the end; readings that add up to
     * a little more than the stop values say (up to {@value #ENERGY_TOLERANCE} of it) are scaled
     * down to them; then the total cost, or none when part of the energy has no price or the
     * readings do not fit the stop values.
     */
    void finish(Connection connection, long id, Instant end, long meterStopWattHours)
            throws SQLException {
        Instant readingAt;
        long meterStart;
        String currency;
        boolean gap;
        try (PreparedStatement select = connection.prepareStatement("SELECT reading_at, meter_start_wh, currency,"
                + " reading_gap FROM cm_transaction WHERE id = ? AND end_at IS NULL FOR UPDATE")) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                if (!result.next() || result.getObject(1, OffsetDateTime.class) == null) {
                    return; // closed already, unknown, or recorded before costs were tracked
                }
                readingAt = result.getObject(1, OffsetDateTime.class).toInstant();
                meterStart = result.getLong(2);
                currency = result.getString(3);
                gap = result.getBoolean(4);
            }
        }
        double energy = meterStopWattHours - meterStart;
        double recorded = recordedEnergy(connection, id);
        double rest = energy - recorded;
        if (rest > 0 && gap && rest > Math.max(1, ENERGY_TOLERANCE * energy)) {
            // drawn at a time nobody read the register: its price is not known
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE cm_transaction SET unpriced_wh = unpriced_wh + ? WHERE id = ?")) {
                update.setDouble(1, rest);
                update.setLong(2, id);
                update.executeUpdate();
            }
            recorded = recordedEnergy(connection, id);
        } else if (rest > 0) {
            attribute(connection, id, readingAt.isAfter(end) ? end : readingAt, end, rest, currency);
            recorded = recordedEnergy(connection, id);
        }
        BigDecimal cost = null;
        if (energy >= 0 && recorded > energy && recorded - energy <= Math.max(1, ENERGY_TOLERANCE * energy)) {
            double factor = energy / recorded;
            try (PreparedStatement scale = connection.prepareStatement("UPDATE cm_transaction_price_slot"
                    + " SET energy_wh = energy_wh * ? WHERE transaction_id = ?");
                    PreparedStatement scaleUnpriced = connection.prepareStatement("UPDATE cm_transaction"
                            + " SET unpriced_wh = unpriced_wh * ? WHERE id = ?")) {
                scale.setDouble(1, factor);
                scale.setLong(2, id);
                scale.executeUpdate();
                scaleUnpriced.setDouble(1, factor);
                scaleUnpriced.setLong(2, id);
                scaleUnpriced.executeUpdate();
            }
            recorded = energy;
        }
        double unpriced;
        String pricedIn;
        try (PreparedStatement select = connection.prepareStatement("SELECT unpriced_wh, currency FROM cm_transaction"
                + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                unpriced = result.getDouble(1);
                pricedIn = result.getString(2);
            }
        }
        if (pricedIn == null && energy == 0) {
            PriceForecast known = prices.get(); // nothing drawn: free, if a price is known at all
            pricedIn = known == null ? null : known.currency();
        }
        if (Math.abs(recorded - energy) > 0.5) {
            LOG.warn("Transaction {}: the meter readings during the session ({} Wh) do not fit its meter values ({} Wh);"
                    + " no cost", id, Math.round(recorded), Math.round(energy));
        } else if (pricedIn == null || unpriced >= 0.5) {
            LOG.info("Transaction {}: {} of {} Wh were drawn without a known price; no cost", id, Math.round(unpriced),
                    Math.round(energy));
        } else {
            cost = total(connection, id, pricedIn);
        }
        try (PreparedStatement update = connection.prepareStatement("UPDATE cm_transaction SET reading_at = ?,"
                + " cost = ?, currency = ? WHERE id = ?")) {
            update.setObject(1, utc(end));
            update.setBigDecimal(2, cost);
            update.setString(3, pricedIn);
            update.setLong(4, id);
            update.executeUpdate();
        }
    }

    private static double recordedEnergy(Connection connection, long id) throws SQLException {
        double priced;
        try (PreparedStatement select = connection.prepareStatement("SELECT COALESCE(SUM(energy_wh), 0)"
                + " FROM cm_transaction_price_slot WHERE transaction_id = ?")) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                priced = result.getDouble(1);
            }
        }
        try (PreparedStatement select = connection.prepareStatement("SELECT unpriced_wh FROM cm_transaction"
                + " WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                result.next();
                return priced + result.getDouble(1);
            }
        }
    }

    /** The sum of energy times price over the session's slots, rounded to the currency's minor unit. */
    private static BigDecimal total(Connection connection, long id, String currency) throws SQLException {
        BigDecimal sum = BigDecimal.ZERO;
        try (PreparedStatement select = connection.prepareStatement("SELECT energy_wh, price_per_kwh"
                + " FROM cm_transaction_price_slot WHERE transaction_id = ?")) {
            select.setLong(1, id);
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    sum = sum.add(BigDecimal.valueOf(result.getDouble(1)).multiply(BigDecimal.valueOf(result.getDouble(2)))
                            .movePointLeft(3));
                }
            }
        }
        return sum.setScale(minorUnits(currency), RoundingMode.HALF_UP);
    }

    static int minorUnits(String currency) {
        try {
            int digits = Currency.getInstance(currency).getDefaultFractionDigits();
            return digits < 0 ? 2 : Math.min(digits, 4);
        } catch (IllegalArgumentException | NullPointerException e) {
            return 2;
        }
    }

    static OffsetDateTime utc(Instant instant) {
        return OffsetDateTime.ofInstant(instant.truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    static Map<Long, List<PricedEnergy>> slots(Connection connection, List<Long> ids)
            throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT transaction_id, slot_start, slot_end, price_per_kwh, energy_wh"
                + " FROM cm_transaction_price_slot WHERE transaction_id IN (");
        for (int i = 0; i < ids.size(); i++) {
            sql.append(i == 0 ? "?" : ", ?");
        }
        sql.append(") ORDER BY transaction_id, slot_start");
        Map<Long, List<PricedEnergy>> slots = new HashMap<>();
        try (PreparedStatement select = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < ids.size(); i++) {
                select.setLong(i + 1, ids.get(i));
            }
            try (ResultSet result = select.executeQuery()) {
                while (result.next()) {
                    slots.computeIfAbsent(result.getLong(1), id -> new ArrayList<>())
                            .add(new PricedEnergy(result.getObject(2, OffsetDateTime.class).toInstant(),
                                    result.getObject(3, OffsetDateTime.class).toInstant(), result.getDouble(4),
                                    result.getDouble(5)));
                }
            }
        }
        return slots;
    }
}
