package org.chargingmanager.tariff.fixed.internal;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.Tariff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A fixed price or a time-of-use schedule as a {@link Tariff}.
 */
final class FixedTariff implements Tariff {

    /** How many days ahead the forecast reaches: today and the next two. */
    static final int DAYS = 3;

    private static final Logger LOG = LoggerFactory.getLogger(FixedTariff.class);

    private final String id;
    private final String currency;
    private final TimeOfUseSchedule schedule;
    private final Clock clock;

    FixedTariff(FixedTariffConfig config, Clock clock) {
        this.id = config.id();
        this.currency = config.currency();
        this.clock = clock;
        this.schedule = schedule(config);
        LOG.info("Tariff '{}': {} {}/kWh with {} period(s)", id, config.importPricePerKilowattHour(), currency,
                schedule.periods().size());
    }

    static TimeOfUseSchedule schedule(FixedTariffConfig config) {
        if (!Double.isFinite(config.importPricePerKilowattHour())) {
            throw new IllegalArgumentException("the price per kWh is not a number");
        }
        List<PricePeriod> periods = new ArrayList<>();
        for (String line : config.periods()) {
            if (line != null && !line.isBlank()) {
                periods.add(PricePeriod.parse(line));
            }
        }
        double feedIn = Double.NaN;
        String feedInText = config.feedInPricePerKilowattHour().trim().replace(',', '.');
        if (!feedInText.isEmpty()) {
            try {
                feedIn = Double.parseDouble(feedInText);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("the feed-in price '" + config.feedInPricePerKilowattHour()
                        + "' is not a number");
            }
        }
        ZoneId zone;
        try {
            zone = config.timeZone().isBlank() ? ZoneId.systemDefault() : ZoneId.of(config.timeZone().trim());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("'" + config.timeZone() + "' is not a time zone (such as Europe/Berlin)");
        }
        return new TimeOfUseSchedule(config.importPricePerKilowattHour(), feedIn, periods, zone);
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public PriceForecast forecast() {
        return new PriceForecast(currency, schedule.slots(clock.instant(), DAYS), null, "");
    }
}
