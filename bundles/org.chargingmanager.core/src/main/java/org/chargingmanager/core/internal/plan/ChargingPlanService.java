package org.chargingmanager.core.internal.plan;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chargingmanager.api.platform.DataDirectory;
import org.chargingmanager.api.plan.ChargingPlanRequest;
import org.chargingmanager.api.plan.ChargingPlanStatus;
import org.chargingmanager.api.plan.ChargingPlans;
import org.chargingmanager.api.plan.SolarForecast;
import org.chargingmanager.api.plan.SolarSlot;
import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.Tariff;
import org.chargingmanager.core.internal.tariff.SiteTariffs;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charging plans: kept in the data directory ({@link PlanFile}), followed by the load manager
 * every cycle through {@link #follow}, planned with the site's tariff and PV forecast.
 */
@Component(service = { ChargingPlans.class, ChargingPlanService.class })
public class ChargingPlanService implements ChargingPlans {

    /** A deadline further ahead is refused: no price forecast reaches that far. */
    static final Duration LONGEST_AHEAD = Duration.ofDays(7);
    private static final Logger LOG = LoggerFactory.getLogger(ChargingPlanService.class);

    private final SiteTariffs tariffs = new SiteTariffs();
    private final List<SolarForecast> solarForecasts = new CopyOnWriteArrayList<>();
    private final PlanFile file;
    private final Clock clock;
    private final PlanTracker tracker = new PlanTracker();
    private final Map<String, PlanFile.Stored> plans;

    @Activate
    public ChargingPlanService(@Reference DataDirectory dataDirectory) {
        this(new PlanFile(dataDirectory.path()), Clock.systemDefaultZone());
    }

    ChargingPlanService(PlanFile file, Clock clock) {
        this.file = file;
        this.clock = clock;
        this.plans = new TreeMap<>(file.read());
        if (!plans.isEmpty()) {
            LOG.info("Charging plans: {} loaded", plans.size());
        }
    }

    /** A service for tests and other bundles' tests: plans kept in {@code directory}. */
    public static ChargingPlanService inDirectory(java.nio.file.Path directory, Clock clock) {
        return new ChargingPlanService(new PlanFile(directory), clock);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addTariff(Tariff tariff, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        tariffs.add(tariff, ranking instanceof Integer number ? number : 0);
    }

    public void removeTariff(Tariff tariff) {
        tariffs.remove(tariff);
    }

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    public void addSolarForecast(SolarForecast forecast) {
        solarForecasts.add(forecast);
    }

    public void removeSolarForecast(SolarForecast forecast) {
        solarForecasts.remove(forecast);
    }

    @Override
    public synchronized List<ChargingPlanStatus> plans() {
        Map<String, ChargingPlanStatus> statuses = tracker.statuses();
        List<ChargingPlanStatus> result = new ArrayList<>();
        for (PlanFile.Stored plan : plans.values()) {
            result.add(statuses.getOrDefault(plan.request().evseId(), ChargingPlanStatus.unplanned(plan.request())));
        }
        return result;
    }

    @Override
    public synchronized Optional<ChargingPlanStatus> plan(String evseId) {
        return plans().stream().filter(status -> status.request().evseId().equals(evseId)).findFirst();
    }

    @Override
    public synchronized ChargingPlanStatus setPlan(ChargingPlanRequest request, String user) throws IOException {
        Instant now = clock.instant();
        if (!request.deadline().isAfter(now)) {
            throw new IllegalArgumentException("the deadline " + request.deadline() + " has passed");
        }
        if (request.deadline().isAfter(now.plus(LONGEST_AHEAD))) {
            throw new IllegalArgumentException("the deadline is more than 7 days ahead");
        }
        PlanFile.Stored before = plans.get(request.evseId());
        Map<String, PlanFile.Stored> changed = new TreeMap<>(plans);
        changed.put(request.evseId(), new PlanFile.Stored(request, before == null ? null : before.startRegisterWattHours()));
        file.write(changed);
        plans.clear();
        plans.putAll(changed);
        LOG.info("EVSE {}: charging plan {} kWh by {} (by {})", request.evseId(),
                PlanTracker.kilowattHours(request.energyWattHours()), request.deadline(), user);
        return ChargingPlanStatus.unplanned(request);
    }

    @Override
    public synchronized boolean removePlan(String evseId, String user) throws IOException {
        if (!plans.containsKey(evseId)) {
            return false;
        }
        Map<String, PlanFile.Stored> changed = new TreeMap<>(plans);
        changed.remove(evseId);
        file.write(changed);
        plans.remove(evseId);
        LOG.info("EVSE {}: charging plan removed (by {})", evseId, user);
        return true;
    }

    /** Whether any plan is stored: without one the load manager need not follow plans at all. */
    public synchronized boolean hasPlans() {
        return !plans.isEmpty();
    }

    /**
     * Called by the load manager each cycle: the current each charging point with an active plan
     * may have now.
     *
     * @param site the house connection, or {@code null} while it is not known
     */
    public synchronized PlanTracker.Steering follow(Instant now, List<PlanCar> cars, PlanningSite site) {
        Map<String, ChargingPlanRequest> requests = new TreeMap<>();
        Map<String, Double> starts = new TreeMap<>();
        for (PlanFile.Stored plan : plans.values()) {
            requests.put(plan.request().evseId(), plan.request());
            if (plan.startRegisterWattHours() != null) {
                starts.put(plan.request().evseId(), plan.startRegisterWattHours());
            }
        }
        PriceForecast forecast = tariffs.selected().map(Tariff::forecast).orElse(PriceForecast.empty("", ""));
        List<SolarSlot> solar = solarForecasts.isEmpty() ? List.of() : solarForecasts.get(0).slots();
        PlanTracker.Steering steering = tracker.follow(now, requests, starts, cars, site, forecast, solar,
                clock.getZone());
        if (!steering.ended().isEmpty() || !steering.started().isEmpty()) {
            Map<String, PlanFile.Stored> changed = new TreeMap<>(plans);
            steering.ended().forEach(changed::remove);
            steering.started().forEach((id, register) -> {
                PlanFile.Stored plan = changed.get(id);
                if (plan != null) {
                    changed.put(id, new PlanFile.Stored(plan.request(), register));
                }
            });
            try {
                file.write(changed);
            } catch (IOException e) {
                LOG.warn("Charging plans cannot be stored: {}", e.toString());
            }
            plans.clear();
            plans.putAll(changed);
        }
        return steering;
    }
}
