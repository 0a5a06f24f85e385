package org.chargingmanager.core.internal.variables;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.device.Staleness;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseDirectory;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.Tariff;
import org.chargingmanager.core.internal.expression.EvaluationException;
import org.chargingmanager.core.internal.tariff.SiteTariffs;
import org.chargingmanager.core.internal.tariff.TariffValues;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;

/**
 * The live values that expressions may read, by name:
 * <ul>
 * <li>{@code grid.Q}, {@code pv.Q}, {@code storage.Q}: the sum over the meters of that role;
 * {@code meter.ID.Q}: one meter. Q is {@code power}, {@code power_l1..3} (W), {@code current_l1..3}
 * (A), {@code voltage_l1..3} (V), {@code energy_import}, {@code energy_export} (Wh).</li>
 * <li>{@code evse.ID.Q}: one charging point. Q is {@code power} (W), {@code current},
 * {@code current_l1..3} (A), {@code energy} (Wh), {@code limit} (A), {@code charging},
 * {@code connected} (1 or 0). {@code evses.power} and {@code evses.current_l1..3} (on the grid
 * phases) sum all charging points.</li>
 * <li>{@code time.hour}, {@code time.minute}, {@code time.weekday} (1 = Monday .. 7 = Sunday), local time.</li>
 * <li>{@code tariff.price} and {@code tariff.feed_in} (per kWh, in the tariff's currency) and
 * {@code tariff.rank_N} (N = 1..48: the rank of now's price among the next N hours, see
 * {@link TariffValues#rank}) from the site's tariff, the {@link Tariff} service with the highest
 * ranking.</li>
 * </ul>
 * Values older than {@link #STALE_AFTER} are not trusted: reading them fails.
 */
@Component(service = LiveValues.class)
public class LiveValues {

    public static final Duration STALE_AFTER = Staleness.STALE_AFTER;
    private static final Set<String> ROLE_PREFIXES = Set.of("grid", "pv", "storage");
    private static final Set<String> METER_QUANTITIES = Set.of("power", "power_l1", "power_l2", "power_l3",
            "current_l1", "current_l2", "current_l3", "voltage_l1", "voltage_l2", "voltage_l3", "energy_import",
            "energy_export");
    private static final Set<String> EVSE_QUANTITIES = Set.of("power", "current", "current_l1", "current_l2",
            "current_l3", "energy", "limit", "charging", "connected");
    private static final Set<String> ALL_EVSES_QUANTITIES = Set.of("power", "current_l1", "current_l2", "current_l3");
    private static final Set<String> TIME_QUANTITIES = Set.of("hour", "minute", "weekday");
    private static final Pattern TARIFF_QUANTITY = Pattern.compile("price|feed_in|rank_([1-9][0-9]?)");

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<Meter> meters = new CopyOnWriteArrayList<>();

    @Reference
    private EvseDirectory evseDirectory;
    private EvseDirectory.Subscription evseSubscription;

    /** Not a CopyOnWriteArrayList: see the load manager (a copy per added EVSE is quadratic). */
    private final java.util.Collection<Evse> evses = new java.util.concurrent.ConcurrentLinkedDeque<>();

    private final SiteTariffs tariffs = new SiteTariffs();

    private final Clock clock;

    public LiveValues() {
        this(Clock.systemDefaultZone());
    }

    public LiveValues(Clock clock) {
        this.clock = clock;
    }

    void addMeter(Meter meter) {
        meters.add(meter);
    }

    @Activate
    void activate() {
        evseSubscription = evseDirectory.subscribe(EvseDirectory.Listener.of(this::addEvse, evses::remove));
    }

    @Deactivate
    void deactivate() {
        evseSubscription.close();
    }

    void addEvse(Evse evse) {
        evses.add(evse);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addTariff(Tariff tariff, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        tariffs.add(tariff, ranking instanceof Integer number ? number : 0);
    }

    public void removeTariff(Tariff tariff) {
        tariffs.remove(tariff);
    }

    /** Whether the name has the form of a live value (a dot in it). */
    public static boolean isLiveName(String name) {
        return name.indexOf('.') > 0;
    }

    /**
     * Checks a live value name when it is set: its form, its quantity and that the meter or
     * charging point exists now.
     *
     * @return empty if fine, else why not
     */
    public Optional<String> check(String name) {
        String[] parts = name.split("\\.");
        String prefix = parts[0].toLowerCase(Locale.ROOT);
        if (ROLE_PREFIXES.contains(prefix) && parts.length == 2) {
            MeterRole role = MeterRole.valueOf(prefix.toUpperCase(Locale.ROOT));
            if (!METER_QUANTITIES.contains(parts[1].toLowerCase(Locale.ROOT))) {
                return Optional.of("'" + name + "': unknown quantity '" + parts[1] + "', use one of " + METER_QUANTITIES);
            }
            return meters.stream().anyMatch(meter -> meter.info().role() == role) ? Optional.empty()
                    : Optional.of("'" + name + "': there is no " + prefix + " meter");
        }
        if (prefix.equals("meter") && parts.length == 3) {
            if (!METER_QUANTITIES.contains(parts[2].toLowerCase(Locale.ROOT))) {
                return Optional.of("'" + name + "': unknown quantity '" + parts[2] + "', use one of " + METER_QUANTITIES);
            }
            return meter(parts[1]).isPresent() ? Optional.empty()
                    : Optional.of("'" + name + "': there is no meter '" + parts[1] + "'");
        }
        if (prefix.equals("evse") && parts.length == 3) {
            if (!EVSE_QUANTITIES.contains(parts[2].toLowerCase(Locale.ROOT))) {
                return Optional.of("'" + name + "': unknown quantity '" + parts[2] + "', use one of " + EVSE_QUANTITIES);
            }
            return evse(parts[1]).isPresent() ? Optional.empty()
                    : Optional.of("'" + name + "': there is no charging point '" + parts[1] + "'");
        }
        if (prefix.equals("evses") && parts.length == 2) {
            return ALL_EVSES_QUANTITIES.contains(parts[1].toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("'" + name + "': unknown quantity '" + parts[1] + "', use one of " + ALL_EVSES_QUANTITIES);
        }
        if (prefix.equals("time") && parts.length == 2) {
            return TIME_QUANTITIES.contains(parts[1].toLowerCase(Locale.ROOT)) ? Optional.empty()
                    : Optional.of("'" + name + "': unknown quantity '" + parts[1] + "', use one of " + TIME_QUANTITIES);
        }
        if (prefix.equals("tariff") && parts.length == 2) {
            Matcher matcher = TARIFF_QUANTITY.matcher(parts[1].toLowerCase(Locale.ROOT));
            if (!matcher.matches() || matcher.group(1) != null
                    && Integer.parseInt(matcher.group(1)) > TariffValues.MAX_RANK_HOURS) {
                return Optional.of("'" + name + "': unknown quantity '" + parts[1]
                        + "', use price, feed_in or rank_N with N from 1 to " + TariffValues.MAX_RANK_HOURS);
            }
            return Optional.empty();
        }
        return Optional.of("unknown name '" + name + "': live values are grid.*, pv.*, storage.*, meter.<id>.*, "
                + "evse.<id>.*, evses.*, time.* and tariff.*");
    }

    /** The current value of a live value name; fails if it is unknown, missing or stale. */
    public double valueOf(String name) throws EvaluationException {
        Optional<String> problem = check(name);
        if (problem.isPresent()) {
            throw new EvaluationException(problem.get());
        }
        String[] parts = name.split("\\.");
        String prefix = parts[0].toLowerCase(Locale.ROOT);
        String quantity = parts[parts.length - 1].toLowerCase(Locale.ROOT);
        Instant now = clock.instant();
        switch (prefix) {
            case "grid", "pv", "storage" -> {
                MeterRole role = MeterRole.valueOf(prefix.toUpperCase(Locale.ROOT));
                double sum = 0;
                for (Meter meter : meters) {
                    if (meter.info().role() == role) {
                        sum += meterQuantity(fresh(meter, now), quantity);
                    }
                }
                return sum;
            }
            case "meter" -> {
                return meterQuantity(fresh(meter(parts[1]).orElseThrow(), now), quantity);
            }
            case "evse" -> {
                Evse evse = evse(parts[1]).orElseThrow();
                return evseQuantity(fresh(evse, now), quantity);
            }
            case "evses" -> {
                double sum = 0;
                for (Evse evse : evses) {
                    EvseSnapshot snapshot = fresh(evse, now);
                    PhaseRotation rotation = evse.info().phaseRotation();
                    PhaseCurrents grid = rotation.toGrid(snapshot.currents());
                    sum += switch (quantity) {
                        case "power" -> snapshot.powerWatts();
                        case "current_l1" -> grid.l1Milliamps() / 1000.0;
                        case "current_l2" -> grid.l2Milliamps() / 1000.0;
                        default -> grid.l3Milliamps() / 1000.0;
                    };
                }
                return sum;
            }
            case "tariff" -> {
                return tariffQuantity(quantity, now);
            }
            default -> {
                ZonedDateTime time = ZonedDateTime.now(clock);
                return switch (quantity) {
                    case "hour" -> time.getHour();
                    case "minute" -> time.getMinute();
                    default -> time.getDayOfWeek().getValue();
                };
            }
        }
    }

    private double tariffQuantity(String quantity, Instant now) throws EvaluationException {
        Tariff tariff = tariffs.selected().orElseThrow(() -> new EvaluationException("no tariff is configured"));
        PriceForecast forecast = tariff.forecast();
        Optional<Double> value;
        if (quantity.equals("price")) {
            value = TariffValues.importPrice(forecast, now);
        } else if (quantity.equals("feed_in")) {
            value = TariffValues.feedInPrice(forecast, now);
        } else {
            value = TariffValues.rank(forecast, now, Integer.parseInt(quantity.substring("rank_".length())));
        }
        return value.orElseThrow(() -> new EvaluationException("tariff '" + tariff.id() + "' knows no "
                + (quantity.equals("feed_in") ? "feed-in " : "") + "price for now"
                + (forecast.problem().isEmpty() ? "" : ": " + forecast.problem())));
    }

    private static double meterQuantity(MeterReading reading, String quantity) {
        return switch (quantity) {
            case "power" -> reading.powerWatts();
            case "power_l1" -> reading.powers().l1Watts();
            case "power_l2" -> reading.powers().l2Watts();
            case "power_l3" -> reading.powers().l3Watts();
            case "current_l1" -> reading.currents().l1Milliamps() / 1000.0;
            case "current_l2" -> reading.currents().l2Milliamps() / 1000.0;
            case "current_l3" -> reading.currents().l3Milliamps() / 1000.0;
            case "voltage_l1" -> reading.voltages().l1Volts();
            case "voltage_l2" -> reading.voltages().l2Volts();
            case "voltage_l3" -> reading.voltages().l3Volts();
            case "energy_import" -> reading.energyImportWattHours();
            default -> reading.energyExportWattHours();
        };
    }

    private static double evseQuantity(EvseSnapshot snapshot, String quantity) {
        return switch (quantity) {
            case "power" -> snapshot.powerWatts();
            case "current" -> snapshot.currents().maxMilliamps() / 1000.0;
            case "current_l1" -> snapshot.currents().l1Milliamps() / 1000.0;
            case "current_l2" -> snapshot.currents().l2Milliamps() / 1000.0;
            case "current_l3" -> snapshot.currents().l3Milliamps() / 1000.0;
            case "energy" -> snapshot.energyWattHours();
            case "limit" -> snapshot.appliedLimit().currentMilliamps() / 1000.0;
            case "charging" -> snapshot.state() == org.chargingmanager.api.evse.EvseState.CHARGING ? 1 : 0;
            default -> snapshot.state().vehicleConnected() ? 1 : 0;
        };
    }

    private static MeterReading fresh(Meter meter, Instant now) throws EvaluationException {
        MeterReading reading = meter.reading();
        if (reading == null || Staleness.stale(reading.timestamp(), now)) {
            throw new EvaluationException("meter '" + meter.info().id() + "' has not answered for more than "
                    + STALE_AFTER.toSeconds() + " s");
        }
        return reading;
    }

    private static EvseSnapshot fresh(Evse evse, Instant now) throws EvaluationException {
        EvseSnapshot snapshot = evse.snapshot();
        if (snapshot == null || snapshot.stale(now)) {
            throw new EvaluationException("charging point '" + evse.info().id() + "' has not answered for more than "
                    + STALE_AFTER.toSeconds() + " s");
        }
        return snapshot;
    }

    private Optional<Meter> meter(String id) {
        return meters.stream().filter(meter -> meter.info().id().equals(id)).findFirst();
    }

    private Optional<Evse> evse(String id) {
        return evses.stream().filter(evse -> evse.info().id().equals(id)).findFirst();
    }
}
