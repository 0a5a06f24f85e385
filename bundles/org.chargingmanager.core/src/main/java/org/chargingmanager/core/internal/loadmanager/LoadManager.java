package org.chargingmanager.core.internal.loadmanager;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

import org.chargingmanager.api.billing.Authorization;
import org.chargingmanager.api.billing.Authorizer;
import org.chargingmanager.api.billing.User;
import org.chargingmanager.api.billing.UserDirectory;
import org.chargingmanager.api.billing.UserDirectoryException;
import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.device.Staleness;
import org.chargingmanager.api.evse.ChargingCap;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseDirectory;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variables;
import org.chargingmanager.api.variables.VariablesListener;
import org.chargingmanager.core.internal.allocation.AllocationSettings;
import org.chargingmanager.core.internal.allocation.DemandStatus;
import org.chargingmanager.api.evse.ChargingMode;
import org.chargingmanager.core.internal.plan.ChargingPlanService;
import org.chargingmanager.core.internal.plan.PlanCar;
import org.chargingmanager.core.internal.plan.PlanTracker;
import org.chargingmanager.core.internal.plan.PlanningSite;
import org.chargingmanager.core.internal.solar.HomeBattery;
import org.chargingmanager.core.internal.solar.SolarDemand;
import org.chargingmanager.core.internal.solar.SolarSettings;
import org.chargingmanager.core.internal.solar.SolarSharing;
import org.chargingmanager.core.internal.solar.SolarState;
import org.chargingmanager.core.internal.allocation.Allocator;
import org.chargingmanager.core.internal.allocation.DemandStatus;
import org.chargingmanager.core.internal.allocation.EvseDemand;
import org.chargingmanager.core.internal.allocation.SiteSnapshot;
import org.chargingmanager.core.internal.rules.ChargingRule;
import org.chargingmanager.core.internal.rules.ChargingRuleComponent;
import org.chargingmanager.core.internal.site.SiteModel;
import org.chargingmanager.core.internal.site.SiteReadings;
import org.chargingmanager.core.internal.variables.LiveValues;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceRegistration;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The control loop. Every cycle, and at once when a variable changes: read the meters and
 * charging points, evaluate the limits and rules, allocate ({@link Allocator}), and send each
 * charging point its limit if it changed.
 */
@Component(name = LoadManager.PID, service = {}, immediate = true)
@Designate(ocd = LoadManagerConfig.class)
public class LoadManager implements VariablesListener {

    public static final String PID = "org.chargingmanager.core.loadmanager";
    static final double NOMINAL_VOLTS = 230;
    /** A charging car drawing this much less than its limit is taken to be limited by the car. */
    static final int CAR_LIMITED_MARGIN_MILLIAMPS = 2000;
    /** How long a car may take to follow a new limit before it counts as drawing less than it may. */
    static final Duration CAR_FOLLOW_TIME = Duration.ofSeconds(10);
    private static final Logger LOG = LoggerFactory.getLogger(LoadManager.class);

    /** Hands the charging points on (one bind per EVSE service for the whole runtime, see {@link EvseDirectory}). */
    @Reference
    private EvseDirectory evseDirectory;
    private EvseDirectory.Subscription evseSubscription;

    /**
     * The charging points, in the order they came. Not a CopyOnWriteArrayList: copying the whole
     * array for every one of 15,000 EVSEs registered in a reconnect storm was the largest
     * allocation of the server (quadratic).
     */
    private final java.util.Collection<Evse> evses = new java.util.concurrent.ConcurrentLinkedDeque<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<Meter> meters = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<EvseSettings> settings = new CopyOnWriteArrayList<>();

    /** Caps set by others (an OCPP backend's charging profiles): the limit is never above the lowest. */
    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<ChargingCap> caps = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private final List<ChargingRuleComponent> rules = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile Authorizer authorizer;

    /** The charging plans; without them no charging point follows a plan. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ChargingPlanService chargingPlans;

    /** The users' priorities; without it every session counts with priority 0 of its own. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile UserDirectory userDirectory;

    private final Variables variables;
    private final Clock clock;
    private final Map<String, EvseHistory> history = new ConcurrentHashMap<>();
    /** The start/stop hysteresis of the "PV only" charging points, from cycle to cycle. */
    private Map<String, SolarState> solarStates = Map.of();
    /** The phases of the charging points that can switch between 1 and 3, while a car is connected. */
    private final Map<String, PhaseSwitch> phaseSwitches = new HashMap<>();
    /** The house connection as the last cycle saw it, for the plans; {@code null} before the first cycle. */
    private PlanningSite planningSite;
    private final AtomicBoolean cycleRequested = new AtomicBoolean();
    /** Starts a cycle before its time when the grid reading gets worse (reductions never wait). */
    private final GridGuard gridGuard = new GridGuard();
    /** {@link System#nanoTime()} at which the next periodic cycle is due ({@link CyclePacer}). */
    private volatile long nextCycleNanos = System.nanoTime();
    private volatile boolean slowCycleReported;
    /** A variable or the settings changed: the next cycle raises limits without waiting (an operator's release, not noise). */
    private final AtomicBoolean increaseAtOnce = new AtomicBoolean();
    private volatile LoadManagerConfig config;
    private ScheduledExecutorService executor;
    private volatile Set<String> reportedProblems = Set.of();
    private volatile String fallbackReason = "";
    private volatile Instant startedAt = Instant.MIN;
    /** Drivers and meters register within seconds after start; problems are not reported before this. */
    static final Duration START_GRACE = Duration.ofSeconds(15);
    /** Registered by hand, not by DS: the variables store and the load manager depend on each other. */
    private ServiceRegistration<VariablesListener> listenerRegistration;

    /** What the loop remembers of a charging point between cycles. */
    private static final class EvseHistory {
        ChargingLimit sent;
        Instant sentAt;
        Instant pausedSince;
        Instant chargingSince;
        /** What the car was seen to draw at most, plus a margin; {@code null} while the car takes what it gets. */
        Integer carLimitMilliamps;
        /** The session's RFID/PIN and the user it belongs to, looked up once per session, not every cycle. */
        String idTag;
        Set<String> userIds = Set.of();
        /** The priority of the session's user, added to the charging point's own. */
        int userPriority;
    }

    @Activate
    public LoadManager(@Reference Variables variables, LoadManagerConfig config) {
        this(variables, config, Clock.systemDefaultZone());
    }

    LoadManager(Variables variables, LoadManagerConfig config, Clock clock) {
        this.variables = variables;
        this.config = config;
        this.clock = clock;
    }

    @Activate
    void activate(BundleContext context) {
        evseSubscription = evseDirectory.subscribe(EvseDirectory.Listener.of(this::addEvse, this::removeEvse));
        listenerRegistration = context.registerService(VariablesListener.class, this, null);
        startLoop();
    }

    private void startLoop() {
        startedAt = clock.instant();
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chargingmanager-loadmanager");
            thread.setDaemon(true);
            return thread;
        });
        nextCycleNanos = System.nanoTime();
        executor.scheduleWithFixedDelay(this::tick, 0, config.cycleMillis(), TimeUnit.MILLISECONDS);
        LOG.info("Load management started: house connection {} A per phase, {} W in total, every {} ms",
                blankAsNone(config.houseConnectionCurrentAmps()), blankAsNone(config.houseConnectionPowerWatts()),
                config.cycleMillis());
    }

    @Modified
    void modified(LoadManagerConfig changed) {
        int previousCycle = config.cycleMillis();
        config = changed;
        LOG.info("Load management settings changed: house connection {} A per phase, {} W in total",
                blankAsNone(changed.houseConnectionCurrentAmps()), blankAsNone(changed.houseConnectionPowerWatts()));
        if (previousCycle != changed.cycleMillis() && executor != null) {
            executor.shutdownNow();
            startLoop();
        } else {
            increaseAtOnce.set(true);
            requestCycle();
        }
    }

    @Deactivate
    void deactivate() {
        evseSubscription.close();
        try {
            listenerRegistration.unregister();
        } catch (IllegalStateException alreadyGone) {
            // unregistered by the framework when the bundle stopped
        }
        executor.shutdownNow();
    }

    /** What DS injects into the user fields, for tests. */
    void useUsers(Authorizer users, UserDirectory directory) {
        this.authorizer = users;
        this.userDirectory = directory;
    }

    void addEvse(Evse evse) {
        evses.add(evse);
    }

    void removeEvse(Evse evse) {
        evses.remove(evse);
    }

    void addMeter(Meter meter) {
        meters.add(meter);
    }

    void addSettings(EvseSettings evseSettings) {
        settings.add(evseSettings);
    }

    void addCap(ChargingCap cap) {
        caps.add(cap);
    }

    void usePlans(ChargingPlanService plans) {
        this.chargingPlans = plans;
    }

    void addRule(ChargingRuleComponent rule) {
        rules.add(rule);
    }

    @Override
    public void variablesChanged(Set<String> names) {
        increaseAtOnce.set(true);
        requestCycle();
    }

    private void requestCycle() {
        if (executor != null && cycleRequested.compareAndSet(false, true)) {
            executor.execute(this::safeCycle);
        }
    }

    /**
     * Every configured cycle: the full cycle when it is due ({@link CyclePacer}), else only the
     * grid check of the {@link GridGuard}, which starts the full cycle at once if limits must
     * come down.
     */
    private void tick() {
        try {
            if (System.nanoTime() - nextCycleNanos >= 0) {
                safeCycle();
                return;
            }
            GridGuard.Reading reading = gridReading(config, clock.instant());
            if (gridGuard.reductionNeeded(reading)) {
                LOG.debug("Load management: the grid reading got worse ({}); cycle now", reading);
                safeCycle();
            }
        } catch (RuntimeException e) {
            LOG.error("Load management grid check failed", e);
        }
    }

    private void safeCycle() {
        cycleRequested.set(false);
        long start = System.nanoTime();
        try {
            cycle();
        } catch (RuntimeException e) {
            LOG.error("Load management cycle failed; limits unchanged", e);
        }
        long took = System.nanoTime() - start;
        int cycleMillis = config.cycleMillis();
        long interval = CyclePacer.intervalNanos(cycleMillis, took);
        nextCycleNanos = start + interval;
        boolean afterStart = Duration.between(startedAt, clock.instant()).compareTo(START_GRACE) >= 0;
        if (interval > cycleMillis * 1_000_000L && afterStart && !slowCycleReported) {
            slowCycleReported = true;
            LOG.info("Load management: a cycle over {} charging points took {} ms; the periodic cycle now runs every {} ms "
                    + "(reductions still at once)", evses.size(), took / 1_000_000, interval / 1_000_000);
        }
    }

    /** The grid meters' excess over the house connection's limits now, without the charging points. */
    private GridGuard.Reading gridReading(LoadManagerConfig current, Instant now) {
        List<Meter> gridMeters = gridMeters(current);
        if (gridMeters.isEmpty()) {
            return GridGuard.Reading.NONE;
        }
        PhaseCurrents currents = PhaseCurrents.ZERO;
        double watts = 0;
        for (Meter meter : gridMeters) {
            MeterReading reading = meter.reading();
            if (!fresh(reading, now)) {
                return new GridGuard.Reading(false, 0, 0);
            }
            currents = currents.plus(reading.currents());
            watts += reading.powerWatts();
        }
        Set<String> ignored = new HashSet<>();
        return guardReading(true, currents, watts,
                evaluateOrNaN(current.houseConnectionCurrentAmps(), Double.POSITIVE_INFINITY, "", ignored),
                evaluateOrNaN(current.houseConnectionPowerWatts(), Double.POSITIVE_INFINITY, "", ignored));
    }

    private static GridGuard.Reading guardReading(boolean fresh, PhaseCurrents currents, double watts, double limitAmps,
            double limitWatts) {
        if (!fresh) {
            return new GridGuard.Reading(false, 0, 0);
        }
        int excessMilliamps = Double.isFinite(limitAmps)
                ? (int) Math.max(Integer.MIN_VALUE + 1L, Math.min(Integer.MAX_VALUE,
                        (long) currents.maxMilliamps() - Math.round(limitAmps * 1000)))
                : Integer.MIN_VALUE;
        double excessWatts = Double.isFinite(limitWatts) ? watts - limitWatts : Double.NEGATIVE_INFINITY;
        return new GridGuard.Reading(true, excessMilliamps, excessWatts);
    }

    /** One cycle of the control loop. */
    synchronized Map<String, ChargingLimit> cycle() {
        Instant now = clock.instant();
        LoadManagerConfig current = config;
        Set<String> problems = new HashSet<>();
        double volts = NOMINAL_VOLTS;

        List<Meter> gridMeters = gridMeters(current);
        PhaseCurrents gridCurrents = PhaseCurrents.ZERO;
        double gridPowerWatts = 0;
        Instant gridMeasuredAt = null;
        boolean gridFresh = !gridMeters.isEmpty();
        for (Meter meter : gridMeters) {
            MeterReading reading = meter.reading();
            if (!fresh(reading, now)) {
                gridFresh = false;
                problems.add("grid meter " + meter.info().id() + " does not answer");
            } else {
                gridCurrents = gridCurrents.plus(reading.currents());
                gridPowerWatts += reading.powerWatts();
                gridMeasuredAt = gridMeasuredAt == null || reading.timestamp().isBefore(gridMeasuredAt)
                        ? reading.timestamp() : gridMeasuredAt;
                volts = Math.max(volts, Math.max(reading.voltages().l1Volts(),
                        Math.max(reading.voltages().l2Volts(), reading.voltages().l3Volts())));
            }
        }
        if (gridMeters.isEmpty()) {
            problems.add("no grid meter");
        }

        double houseCurrentAmps = evaluateOrNaN(current.houseConnectionCurrentAmps(), Double.POSITIVE_INFINITY,
                "house connection current", problems);
        double powerLimitWatts = evaluateOrNaN(current.houseConnectionPowerWatts(), Double.POSITIVE_INFINITY,
                "house connection power", problems);

        Map<String, EvseSettings.Values> settingsById = new HashMap<>();
        for (EvseSettings evseSettings : settings) {
            settingsById.put(evseSettings.values().evseId(), evseSettings.values());
        }
        List<ChargingRule> activeRules = new ArrayList<>();
        for (ChargingRuleComponent component : rules) {
            activeRules.add(component.rule());
        }

        gridGuard.cycled(gridMeters.isEmpty() ? GridGuard.Reading.NONE
                : guardReading(gridFresh, gridCurrents, gridPowerWatts, houseCurrentAmps, powerLimitWatts));
        Map<String, List<ChargingCap>> capsById = new HashMap<>();
        for (ChargingCap cap : caps) {
            capsById.computeIfAbsent(cap.evseId(), id -> new ArrayList<>(1)).add(cap);
        }
        SiteReadings.EvseLoad answering = SiteReadings.EvseLoad.NONE;
        SiteReadings.EvseLoad staleReserve = SiteReadings.EvseLoad.NONE;
        List<EvseDemand> demands = new ArrayList<>();
        Map<String, Evse> byId = new HashMap<>();
        Map<String, EvseSnapshot> snapshots = new HashMap<>();
        LocalDateTime localTime = LocalDateTime.now(clock);
        Map<String, ChargingMode> modes = new HashMap<>();
        for (Evse evse : evses) {
            EvseInfo info = evse.info();
            EvseSnapshot snapshot = evse.snapshot();
            byId.put(info.id(), evse);
            if (snapshot != null) {
                snapshots.put(info.id(), snapshot);
            }
            EvseSettings.Values evseSettings = settingsById.getOrDefault(info.id(), EvseSettings.DEFAULTS);
            PhaseRotation rotation = evseSettings.phaseRotation() != null ? evseSettings.phaseRotation()
                    : info.phaseRotation();
            boolean stale = snapshot == null || snapshot.stale(now);
            if (stale) {
                int reserved = staleReserveMilliamps(info, snapshot);
                PhaseCurrents reserve = rotation.toGrid(PhaseCurrents.onPhases(info.phases(), reserved));
                staleReserve = staleReserve.plus(reserve, info.phases() * reserved * volts / 1000, null);
                problems.add("charging point " + info.id() + " does not answer");
            } else {
                answering = answering.plus(rotation.toGrid(snapshot.currents()), snapshot.powerWatts(),
                        snapshot.measuredAt());
            }
            EvseHistory past = history.computeIfAbsent(info.id(), id -> new EvseHistory());
            List<ChargingRule> applying = applyingRules(info.id(), userIds(snapshot, past), activeRules, localTime,
                    problems);
            demands.add(demand(info, snapshot, stale, evseSettings, rotation, applying,
                    capsById.getOrDefault(info.id(), List.of()), volts, problems));
            modes.put(info.id(), ChargingRule.effectiveMode(evseSettings.chargingMode(), applying));
        }

        Set<String> switchable = switchablePhases(demands, byId);
        demands = onSwitchedPhases(demands, switchable, byId);
        PlanTracker.Steering plans = followPlans(demands, snapshots, now);
        demands = withChargingModes(demands, modes, plans, snapshots, switchable,
                gridFresh ? gridPowerWatts : Double.NaN, volts, current, now, problems);

        SiteReadings readings = new SiteReadings(now, houseCurrentAmps, powerLimitWatts,
                (int) Math.round(current.fallbackCurrentAmps() * 1000),
                gridFresh ? new SiteReadings.GridReading(gridCurrents, gridPowerWatts, gridMeasuredAt) : null,
                producerAllowance(current, now), answering, staleReserve, volts, demands);
        SiteModel.Result model = SiteModel.build(readings);
        if (!model.fallbackReason().isEmpty()) {
            problems.add(model.fallbackReason());
        }
        fallbackReason = model.fallbackReason();
        SiteSnapshot site = model.site();
        AllocationSettings allocationSettings = allocationSettings(current);
        planningSite = new PlanningSite(site.houseLimit(), site.powerLimitWatts(), site.baseLoad(), site.basePowerWatts(),
                site.volts(), allocationSettings.unbalancedLoadLimitMilliamps());
        Map<String, ChargingLimit> allocated = Allocator.allocate(site, allocationSettings);
        allocated = switchPhasesForTheHouseLimit(site, allocated, allocationSettings, switchable, modes, byId,
                current, now);
        Map<String, ChargingLimit> limits = withPhases(withFallbackReason(allocated, model.fallbackReason()), switchable);
        apply(limits, byId, now, current);
        if (Duration.between(startedAt, now).compareTo(START_GRACE) >= 0) {
            reportProblems(problems);
        }
        history.keySet().retainAll(byId.keySet());
        return limits;
    }

    /**
     * Applies each charging point's charging mode: "Off" gets nothing, the solar modes a cap from
     * the PV surplus ({@link SolarSharing}); "Fast" is left as it is.
     */
    /** What the charging plans allow each planned charging point now; nothing without the plan service. */
    private PlanTracker.Steering followPlans(List<EvseDemand> demands, Map<String, EvseSnapshot> snapshots, Instant now) {
        ChargingPlanService service = chargingPlans;
        if (service == null || !service.hasPlans()) {
            return NO_PLANS;
        }
        List<PlanCar> cars = new ArrayList<>(demands.size());
        for (EvseDemand demand : demands) {
            EvseSnapshot snapshot = snapshots.get(demand.id());
            cars.add(new PlanCar(demand.id(), demand.priority(), demand.gridPhases(), demand.minMilliamps(),
                    demand.maxMilliamps(), demand.status() == DemandStatus.WANTS_CHARGE,
                    snapshot == null ? 0 : snapshot.energyWattHours()));
        }
        return service.follow(now, cars, planningSite);
    }

    private static final PlanTracker.Steering NO_PLANS = new PlanTracker.Steering(Map.of(), Map.of(), Set.of(), Map.of());

    private List<EvseDemand> withChargingModes(List<EvseDemand> demands, Map<String, ChargingMode> modes,
            PlanTracker.Steering plans,
            Map<String, EvseSnapshot> snapshots, Set<String> switchable, double gridPowerWatts, double volts,
            LoadManagerConfig config, Instant now, Set<String> problems) {
        Duration switchInterval = Duration.ofSeconds(Math.max(30, config.phaseSwitchIntervalSeconds()));
        List<SolarDemand> solar = new ArrayList<>();
        for (EvseDemand demand : demands) {
            ChargingMode mode = modes.getOrDefault(demand.id(), ChargingMode.FAST);
            if ((mode == ChargingMode.MIN_PV || mode == ChargingMode.PV_ONLY)
                    && demand.status() == DemandStatus.WANTS_CHARGE) {
                EvseSnapshot snapshot = snapshots.get(demand.id());
                boolean mayChoosePhases = switchable.contains(demand.id())
                        && phaseSwitches.getOrDefault(demand.id(), PhaseSwitch.THREE_PHASES).mayChange(now, switchInterval);
                solar.add(new SolarDemand(demand.id(), mode, demand.priority(), demand.gridPhases().size(),
                        demand.minMilliamps(), demand.maxMilliamps(), snapshot == null ? 0 : snapshot.powerWatts(),
                        mayChoosePhases));
            }
        }
        SolarSharing.Result shared = SolarSharing.share(gridPowerWatts, homeBattery(config, now, problems), solar,
                solarStates,
                new SolarSettings(Duration.ofSeconds(Math.max(0, config.solarStartDelaySeconds())),
                        Duration.ofSeconds(Math.max(0, config.solarStopDelaySeconds())),
                        Math.max(0, config.solarImportToleranceWatts()), volts),
                now);
        solarStates = shared.states();
        List<EvseDemand> adjusted = new ArrayList<>(demands.size());
        for (EvseDemand original : demands) {
            EvseDemand demand = original;
            Integer chosenPhases = shared.phases().get(demand.id());
            if (chosenPhases != null && chosenPhases != demand.gridPhases().size()) {
                switchPhases(demand.id(), chosenPhases, "PV surplus", now);
                demand = onPhases(demand, chosenPhases, byIdRotation(demand));
            }
            ChargingMode mode = modes.getOrDefault(demand.id(), ChargingMode.FAST);
            Integer cap = shared.capMilliamps().get(demand.id());
            Integer planned = plans.milliamps().get(demand.id());
            boolean planDecides = planned != null && mode != ChargingMode.OFF
                    && (mode == ChargingMode.FAST || cap != null && planned > cap);
            if (mode == ChargingMode.OFF) {
                adjusted.add(withMaximum(demand, 0, LimitReason.DISABLED, "charging mode: off"));
            } else if (planDecides) {
                adjusted.add(planned < demand.maxMilliamps()
                        ? withMaximum(demand, planned, LimitReason.RULE, plans.details().get(demand.id())) : demand);
            } else if (cap != null && cap < demand.maxMilliamps()) {
                adjusted.add(withMaximum(demand, cap, LimitReason.SOLAR, shared.details().get(demand.id())));
            } else {
                adjusted.add(demand);
            }
        }
        return adjusted;
    }

    /** The storage meters that answer, and whether the battery charges before the cars now. */
    private HomeBattery homeBattery(LoadManagerConfig config, Instant now, Set<String> problems) {
        double powerWatts = 0;
        for (Meter meter : meters) {
            MeterReading reading = meter.reading();
            if (meter.info().role() == MeterRole.STORAGE && fresh(reading, now)) {
                powerWatts += reading.powerWatts();
            }
        }
        double first = evaluateOrNaN(config.homeBatteryFirst(), 0, "home battery first", problems);
        return new HomeBattery(powerWatts, Double.isNaN(first) || first != 0);
    }

    /** The charging points that can switch between 1 and 3 phases and have a car connected. */
    private Set<String> switchablePhases(List<EvseDemand> demands, Map<String, Evse> byId) {
        Set<String> switchable = new HashSet<>();
        for (EvseDemand demand : demands) {
            EvseInfo info = byId.get(demand.id()).info();
            if (info.capabilities().phaseSwitching() && info.phases() == 3
                    && demand.status() == DemandStatus.WANTS_CHARGE) {
                switchable.add(demand.id());
            }
        }
        phaseSwitches.keySet().retainAll(switchable); // a new car starts on three phases
        return switchable;
    }

    /** Puts the switchable charging points on the phases they were switched to. */
    private List<EvseDemand> onSwitchedPhases(List<EvseDemand> demands, Set<String> switchable, Map<String, Evse> byId) {
        List<EvseDemand> result = new ArrayList<>(demands.size());
        for (EvseDemand demand : demands) {
            PhaseSwitch state = phaseSwitches.get(demand.id());
            if (switchable.contains(demand.id()) && state != null && state.phases() == 1
                    && demand.gridPhases().size() != 1) {
                result.add(onPhases(demand, 1, demand.gridPhases().get(0)));
            } else {
                result.add(demand);
            }
        }
        return result;
    }

    /** The grid phase the charging point's phase 1 is on: the first of its demand's phases. */
    private static org.chargingmanager.api.device.Phase byIdRotation(EvseDemand demand) {
        return demand.gridPhases().get(0);
    }

    private static EvseDemand onPhases(EvseDemand demand, int phases, org.chargingmanager.api.device.Phase first) {
        List<Phase> gridPhases = new ArrayList<>();
        gridPhases.add(first);
        if (phases == 3) {
            for (Phase phase : Phase.values()) {
                if (phase != first) {
                    gridPhases.add(phase);
                }
            }
        }
        return new EvseDemand(demand.id(), demand.priority(), gridPhases, demand.minMilliamps(), demand.maxMilliamps(),
                demand.maxReason(), demand.maxDetail(), demand.status(), demand.previousLimitMilliamps(),
                demand.pausedSince(), demand.chargingSince());
    }

    private void switchPhases(String evseId, int phases, String why, Instant now) {
        phaseSwitches.put(evseId, new PhaseSwitch(phases, now));
        LOG.info("EVSE {}: switching to {} phase{} ({})", evseId, phases, phases == 1 ? "" : "s", why);
    }

    /**
     * In the mode "fast", a switchable charging point that gets nothing on three phases because
     * the house connection cannot give it the three-phase minimum goes to one phase if that gets
     * it charging; one on one phase goes back to three once three would give it at least as much.
     * Both are tried on the same site with the pure allocation, at most once per switch interval.
     */
    private Map<String, ChargingLimit> switchPhasesForTheHouseLimit(SiteSnapshot site, Map<String, ChargingLimit> allocated,
            AllocationSettings allocationSettings, Set<String> switchable, Map<String, ChargingMode> modes,
            Map<String, Evse> byId, LoadManagerConfig config, Instant now) {
        Duration switchInterval = Duration.ofSeconds(Math.max(30, config.phaseSwitchIntervalSeconds()));
        Map<String, ChargingLimit> result = allocated;
        SiteSnapshot current = site;
        for (EvseDemand demand : site.demands()) {
            if (!switchable.contains(demand.id())
                    || modes.getOrDefault(demand.id(), ChargingMode.FAST) != ChargingMode.FAST
                    || !phaseSwitches.getOrDefault(demand.id(), PhaseSwitch.THREE_PHASES).mayChange(now, switchInterval)) {
                continue;
            }
            int phases = demand.gridPhases().size();
            ChargingLimit now3or1 = result.get(demand.id());
            int other = phases == 3 ? 1 : 3;
            List<EvseDemand> changed = new ArrayList<>();
            for (EvseDemand each : current.demands()) {
                changed.add(each.id().equals(demand.id()) ? onPhases(each, other, each.gridPhases().get(0)) : each);
            }
            SiteSnapshot alternative = new SiteSnapshot(current.now(), current.houseLimit(), current.powerLimitWatts(),
                    current.baseLoad(), current.basePowerWatts(), current.volts(), current.fallback(), changed);
            Map<String, ChargingLimit> tried = Allocator.allocate(alternative, allocationSettings);
            long powerNow = (long) now3or1.currentMilliamps() * phases;
            long powerOther = (long) tried.get(demand.id()).currentMilliamps() * other;
            boolean better = phases == 3 ? powerNow == 0 && powerOther > 0 : powerOther > 0 && powerOther >= powerNow;
            if (better) {
                switchPhases(demand.id(), other, phases == 3 ? "the house connection cannot give the three-phase minimum"
                        : "three phases fit again", now);
                result = tried;
                current = alternative;
            }
        }
        return result;
    }

    /** Tells every switchable charging point the phases it is on. */
    private Map<String, ChargingLimit> withPhases(Map<String, ChargingLimit> limits, Set<String> switchable) {
        Map<String, ChargingLimit> result = new java.util.TreeMap<>(limits);
        for (String id : switchable) {
            ChargingLimit limit = result.get(id);
            if (limit != null) {
                result.put(id, limit.withPhases(phaseSwitches.getOrDefault(id, PhaseSwitch.THREE_PHASES).phases()));
            }
        }
        return result;
    }

    private static EvseDemand withMaximum(EvseDemand demand, int maxMilliamps, LimitReason reason, String detail) {
        return new EvseDemand(demand.id(), demand.priority(), demand.gridPhases(), demand.minMilliamps(), maxMilliamps,
                reason, detail, demand.status(), demand.previousLimitMilliamps(), demand.pausedSince(),
                demand.chargingSince());
    }

    private static AllocationSettings allocationSettings(LoadManagerConfig config) {
        double unbalancedLoadLimitAmps = config.unbalancedLoadLimitAmps();
        int unbalancedLoadLimitMilliamps = unbalancedLoadLimitAmps > 0 && Double.isFinite(unbalancedLoadLimitAmps)
                ? (int) Math.round(Math.min(unbalancedLoadLimitAmps, 1_000_000) * 1000)
                : AllocationSettings.NO_UNBALANCED_LOAD_LIMIT;
        return new AllocationSettings(Duration.ofSeconds(config.minimumPauseSeconds()),
                Duration.ofSeconds(config.minimumChargeSeconds()), unbalancedLoadLimitMilliamps);
    }

    private EvseDemand demand(EvseInfo info, EvseSnapshot snapshot, boolean stale, EvseSettings.Values evseSettings,
            PhaseRotation rotation, List<ChargingRule> applyingRules, List<ChargingCap> evseCaps, double volts,
            Set<String> problems) {
        int phases = snapshot != null && snapshot.phasesInUse() > 0 ? Math.min(snapshot.phasesInUse(), info.phases())
                : info.phases();
        List<Phase> gridPhases = new ArrayList<>();
        for (int phase = 1; phase <= phases; phase++) {
            gridPhases.add(rotation.gridPhaseOf(phase));
        }
        int minimum = evseSettings.minCurrentMilliamps() > 0 ? evseSettings.minCurrentMilliamps()
                : info.minCurrentMilliamps();
        int maximum = info.maxCurrentMilliamps();
        LimitReason reason = LimitReason.EVSE_MAXIMUM;
        String detail = "";

        double settingAmps = evaluateOrNaN(evseSettings.maxCurrentAmps(), Double.POSITIVE_INFINITY,
                "maximum current of " + info.id(), problems);
        double settingWatts = evaluateOrNaN(evseSettings.maxPowerWatts(), Double.POSITIVE_INFINITY,
                "maximum power of " + info.id(), problems);
        int fromSettings = Math.min(milliamps(settingAmps), milliamps(settingWatts / (phases * volts)));
        if (fromSettings < maximum) {
            maximum = fromSettings;
            detail = "charging point settings";
        }

        EvseHistory past = history.computeIfAbsent(info.id(), id -> new EvseHistory());
        for (ChargingRule rule : applyingRules) {
            int allowed = rule.allowedMilliamps(phases, volts);
            if (allowed < maximum) {
                maximum = allowed;
                reason = LimitReason.RULE;
                detail = rule.name();
            }
        }

        for (ChargingCap cap : evseCaps) {
            OptionalInt capped = cap.maxCurrentMilliamps(clock.instant());
            if (capped.isPresent() && capped.getAsInt() < maximum) {
                maximum = capped.getAsInt();
                reason = LimitReason.RULE;
                detail = cap.source();
            }
        }

        int previous = past.sent == null ? 0 : past.sent.currentMilliamps();
        if (snapshot != null && !stale) {
            Integer carLimit = carLimit(past, snapshot, previous, clock.instant());
            if (carLimit != null && carLimit < maximum) {
                maximum = Math.max(minimum, carLimit);
                reason = LimitReason.EVSE_MAXIMUM;
                detail = "the car draws less";
            } else if (snapshot.state() == EvseState.SUSPENDED_EV && minimum < maximum) {
                maximum = minimum;
                reason = LimitReason.EVSE_MAXIMUM;
                detail = "the car does not draw";
            }
        }

        DemandStatus status;
        if (stale) {
            status = DemandStatus.STALE;
        } else if (!evseSettings.enabled()) {
            status = DemandStatus.DISABLED;
        } else if (!snapshot.state().vehicleConnected()) {
            status = DemandStatus.NO_VEHICLE;
        } else {
            status = DemandStatus.WANTS_CHARGE;
        }
        return new EvseDemand(info.id(), evseSettings.priority() + past.userPriority, gridPhases, minimum, maximum, reason, detail, status,
                previous, past.pausedSince, past.chargingSince);
    }

    /** The rules whose charging point, user, time window and condition hold for this charging point now. */
    private List<ChargingRule> applyingRules(String evseId, Set<String> userIds, List<ChargingRule> activeRules,
            LocalDateTime localTime, Set<String> problems) {
        List<ChargingRule> applying = new ArrayList<>();
        for (ChargingRule rule : activeRules) {
            if (rule.matches(evseId, userIds, localTime) && conditionHolds(rule, problems)) {
                applying.add(rule);
            }
        }
        return applying;
    }

    /**
     * The current a car that draws clearly less than it may is held at (what it draws plus a
     * margin), so the rest goes to others. The cap stays until the car uses most of its margin
     * (then it may want more again) or stops charging; without that memory the limit would flip
     * between the cap and the full share every cycle. A car is given {@link #CAR_FOLLOW_TIME} to
     * follow a new limit before it counts as drawing less.
     */
    private static Integer carLimit(EvseHistory past, EvseSnapshot snapshot, int previous, Instant now) {
        int drawn = snapshot.currents().maxMilliamps();
        boolean hadTimeToFollow = past.sentAt == null || !now.isBefore(past.sentAt.plus(CAR_FOLLOW_TIME));
        if (snapshot.state() != EvseState.CHARGING || previous == 0) {
            past.carLimitMilliamps = null;
        } else if (past.carLimitMilliamps != null && drawn >= past.carLimitMilliamps - CAR_LIMITED_MARGIN_MILLIAMPS / 4) {
            past.carLimitMilliamps = null;
        } else if (drawn < previous - CAR_LIMITED_MARGIN_MILLIAMPS && hadTimeToFollow) {
            past.carLimitMilliamps = drawn + CAR_LIMITED_MARGIN_MILLIAMPS;
        }
        return past.carLimitMilliamps;
    }

    /**
     * What a charging point that does not answer may still draw: the limit it was last sent (a
     * charger keeps working with it) or what it drew last, whichever is more.
     */
    private int staleReserveMilliamps(EvseInfo info, EvseSnapshot snapshot) {
        EvseHistory past = history.get(info.id());
        int lastSent = past == null || past.sent == null ? 0 : past.sent.currentMilliamps();
        int lastDrawn = snapshot == null ? 0 : snapshot.currents().maxMilliamps();
        if (past == null || past.sent == null) {
            return Math.max(lastDrawn, info.maxCurrentMilliamps());
        }
        return Math.max(lastSent, lastDrawn);
    }

    private Set<String> userIds(EvseSnapshot snapshot, EvseHistory past) {
        String idTag = snapshot == null ? null : snapshot.idTag();
        if (idTag == null || idTag.isEmpty()) {
            past.idTag = null;
            past.userIds = Set.of();
            past.userPriority = 0;
            return past.userIds;
        }
        if (!idTag.equals(past.idTag)) {
            past.idTag = idTag;
            past.userIds = lookUpUser(snapshot);
            past.userPriority = userPriority(past.userIds, snapshot.evseId());
        }
        return past.userIds;
    }

    private int userPriority(Set<String> userIds, String evseId) {
        UserDirectory users = userDirectory;
        if (users == null) {
            return 0;
        }
        for (String userId : userIds) {
            try {
                Optional<User> user = users.find(userId);
                if (user.isPresent()) {
                    LOG.debug("Session at {} belongs to user {} with priority {}", evseId, userId, user.get().priority());
                    return user.get().priority();
                }
            } catch (UserDirectoryException | RuntimeException e) {
                LOG.debug("Cannot read the priority of user {} at {}: {}", userId, evseId, e.toString());
            }
        }
        return 0;
    }

    private Set<String> lookUpUser(EvseSnapshot snapshot) {
        Set<String> ids = new HashSet<>();
        ids.add(snapshot.idTag());
        Authorizer users = authorizer;
        if (users != null) {
            try {
                Authorization authorization = users.authorize(snapshot.idTag(), snapshot.evseId());
                if (authorization != null && authorization.userId() != null) {
                    ids.add(authorization.userId());
                }
            } catch (RuntimeException e) {
                LOG.debug("Cannot look up the user of the tag at {}: {}", snapshot.evseId(), e.toString());
            }
        }
        return ids;
    }

    private boolean conditionHolds(ChargingRule rule, Set<String> problems) {
        if (rule.condition().isEmpty()) {
            return true;
        }
        double value = evaluateOrNaN(rule.condition(), 1, "condition of rule '" + rule.name() + "'", problems);
        return Double.isNaN(value) || value != 0;
    }

    private void apply(Map<String, ChargingLimit> limits, Map<String, Evse> byId, Instant now,
            LoadManagerConfig current) {
        Duration increaseInterval = increaseAtOnce.getAndSet(false) ? Duration.ZERO
                : Duration.ofSeconds(Math.max(0, current.increaseIntervalSeconds()));
        List<String> changes = new ArrayList<>();
        for (Map.Entry<String, ChargingLimit> entry : limits.entrySet()) {
            Evse evse = byId.get(entry.getKey());
            EvseHistory past = history.computeIfAbsent(entry.getKey(), id -> new EvseHistory());
            EvseSnapshot snapshot = evse.snapshot();
            boolean driverHasIt = past.sent != null && snapshot != null && past.sent.equals(snapshot.appliedLimit());
            Optional<ChargingLimit> next = LimitGate.next(entry.getValue(), driverHasIt ? past.sent : null,
                    past.sentAt, now, evse.info().capabilities().currentResolutionMilliamps(), increaseInterval);
            if (next.isEmpty()) {
                continue;
            }
            ChargingLimit limit = next.get();
            int before = past.sent == null ? 0 : past.sent.currentMilliamps();
            if (limit.currentMilliamps() == 0 && before > 0) {
                past.pausedSince = now;
                past.chargingSince = null;
            } else if (limit.currentMilliamps() > 0 && before == 0) {
                past.chargingSince = now;
                past.pausedSince = null;
            }
            if (past.sent == null || past.sent.currentMilliamps() != limit.currentMilliamps()
                    || past.sent.reason() != limit.reason()) {
                changes.add("EVSE " + entry.getKey() + ": limit " + limit.currentMilliamps() / 1000.0 + " A ("
                        + limit.reason() + (limit.detail().isEmpty() ? "" : ": " + limit.detail()) + ")");
            }
            past.sent = limit;
            past.sentAt = now;
            try {
                evse.applyLimit(limit);
            } catch (RuntimeException e) {
                LOG.warn("EVSE {}: the driver did not take the limit: {}", entry.getKey(), e.toString());
            }
        }
        CycleLog.report(changes, line -> LOG.info("{}", line), LOG, "limit changes");
    }

    /** Why the safe budget applies now, or {@code ""}; for the status of the load manager. */
    String fallbackReason() {
        return fallbackReason;
    }

    /** Charging points the safe budget limits say why, in the limit's detail (shown in /api/v1/evses). */
    private static Map<String, ChargingLimit> withFallbackReason(Map<String, ChargingLimit> limits, String reason) {
        if (reason.isEmpty()) {
            return limits;
        }
        Map<String, ChargingLimit> explained = new HashMap<>();
        limits.forEach((id, limit) -> explained.put(id, limit.reason() == LimitReason.FALLBACK && limit.detail().isEmpty()
                ? new ChargingLimit(limit.currentMilliamps(), LimitReason.FALLBACK, reason) : limit));
        return explained;
    }

    private static boolean fresh(MeterReading reading, Instant now) {
        return reading != null && reading.timestamp() != null
                && !Staleness.stale(reading.timestamp(), now);
    }

    /**
     * What producers behind the grid meter can feed in per phase now: the unmetered feed-in of the
     * settings plus what the PV and battery meters that answer measure.
     */
    private PhaseCurrents producerAllowance(LoadManagerConfig current, Instant now) {
        PhaseCurrents allowance = PhaseCurrents.onPhases(3, (int) Math.round(Math.max(0, current.unmeteredFeedInAmps()) * 1000));
        for (Meter meter : meters) {
            MeterRole role = meter.info().role();
            if (role != MeterRole.PV && role != MeterRole.STORAGE) {
                continue;
            }
            MeterReading reading = meter.reading();
            if (fresh(reading, now)) {
                PhaseCurrents produced = reading.currents();
                allowance = allowance.plus(new PhaseCurrents(Math.max(0, produced.l1Milliamps()),
                        Math.max(0, produced.l2Milliamps()), Math.max(0, produced.l3Milliamps())));
            }
        }
        return allowance;
    }

    private void reportProblems(Set<String> problems) {
        Set<String> previous = reportedProblems;
        List<String> appeared = new ArrayList<>();
        for (String problem : problems) {
            if (!previous.contains(problem)) {
                appeared.add("Load management: " + problem + "; a safe fallback applies");
            }
        }
        List<String> solved = new ArrayList<>();
        for (String old : previous) {
            if (!problems.contains(old)) {
                solved.add("Load management: solved: " + old);
            }
        }
        CycleLog.report(appeared, line -> LOG.warn("{}", line), LOG, "problems");
        CycleLog.report(solved, line -> LOG.info("{}", line), LOG, "problems solved");
        reportedProblems = Set.copyOf(problems);
    }

    private List<Meter> gridMeters(LoadManagerConfig current) {
        List<Meter> grid = new ArrayList<>();
        String id = current.gridMeterId() == null ? "" : current.gridMeterId().trim();
        for (Meter meter : meters) {
            if (id.isEmpty() ? meter.info().role() == MeterRole.GRID : meter.info().id().equals(id)) {
                grid.add(meter);
            }
        }
        return grid;
    }

    /** Evaluates a setting; empty gives {@code whenEmpty}, a failure NaN and a problem report. */
    private double evaluateOrNaN(String expression, double whenEmpty, String what, Set<String> problems) {
        if (expression == null || expression.isBlank()) {
            return whenEmpty;
        }
        try {
            double value = variables.evaluate(expression);
            if (Double.isNaN(value)) {
                problems.add(what + " '" + expression + "' cannot be computed now");
            }
            return value;
        } catch (InvalidExpressionException e) {
            problems.add(what + " '" + expression + "' is invalid: " + e.getMessage());
            return Double.NaN;
        }
    }

    private static int milliamps(double amps) {
        if (Double.isNaN(amps)) {
            return 0;
        }
        if (amps >= Integer.MAX_VALUE / 1000.0) {
            return Integer.MAX_VALUE;
        }
        return (int) Math.max(0, Math.floor(amps * 1000));
    }

    private static String blankAsNone(String value) {
        return value == null || value.isBlank() ? "(none)" : value;
    }
}
