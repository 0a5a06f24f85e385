package org.chargingmanager.core.internal.loadmanager;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

import org.chargingmanager.api.billing.Authorization;
import org.chargingmanager.api.billing.AuthorizationStatus;
import org.chargingmanager.api.billing.User;
import org.chargingmanager.api.billing.UserDirectory;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.core.internal.Configs;
import org.chargingmanager.core.internal.rules.ChargingRuleComponent;
import org.chargingmanager.core.internal.rules.ChargingRuleConfig;
import org.chargingmanager.core.internal.rules.RuleAction;
import org.chargingmanager.core.internal.variables.LiveValues;
import org.chargingmanager.core.internal.variables.VariableStore;
import org.chargingmanager.api.device.Staleness;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LoadManagerTest {

    @TempDir
    Path directory;

    /** Moves only when a test says so: {@link #settle} and {@link #cycleAfterOneSecond} advance it 1 s per cycle. */
    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-23T10:00:00Z"));
    private final FakeSite site = new FakeSite(clock);
    private VariableStore variables;
    private FakeEvse left;
    private FakeEvse right;

    @BeforeEach
    void setUp() throws Exception {
        LiveValues live = new LiveValues(clock);
        variables = new VariableStore(live, directory.resolve("variables.txt"));
        left = site.addEvse("left-1", 3, PhaseRotation.L1_L2_L3);
        right = site.addEvse("right-1", 3, PhaseRotation.L2_L3_L1);
        site.baseLoad = new PhaseCurrents(2609, 1739, 1304);
    }

    private LoadManager loadManager(Map<String, Object> config) {
        LoadManager manager = new LoadManager(variables, Configs.of(LoadManagerConfig.class, config), clock);
        site.evses.forEach(manager::addEvse);
        manager.addMeter(site.gridMeter());
        return manager;
    }

    /** Runs three cycles, one second apart: the fake cars follow their limits at once. */
    private Map<String, ChargingLimit> settle(LoadManager manager) {
        Map<String, ChargingLimit> limits = null;
        for (int i = 0; i < 3; i++) {
            limits = cycleAfterOneSecond(manager);
        }
        return limits;
    }

    private Map<String, ChargingLimit> cycleAfterOneSecond(LoadManager manager) {
        clock.advance(Duration.ofSeconds(1));
        return manager.cycle();
    }

    @Test
    void curtailmentThroughAvailKeepsTheSiteWithinTheHouseConnectionPower() throws Exception {
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "63",
                "houseConnectionPowerWatts", "55000 * AVAIL / 100"));
        settle(manager);
        assertThat(left.limit().currentMilliamps()).isEqualTo(16_000);
        assertThat(site.gridPowerWatts()).isGreaterThan(22_000);

        variables.set("AVAIL", "20");
        Map<String, ChargingLimit> limits = settle(manager);
        assertThat(site.gridPowerWatts()).isLessThanOrEqualTo(11_000);
        assertThat(limits.get("left-1").reason()).isEqualTo(LimitReason.HOUSE_LIMIT);
        assertThat(limits.get("left-1").currentMilliamps()).isBetween(7000, 7100);
        assertThat(right.limit()).isEqualTo(left.limit());

        // the grid operator's release raises the limits at once, without the wait between increases
        variables.set("AVAIL", "100");
        manager.variablesChanged(Set.of("AVAIL"));
        settle(manager);
        assertThat(left.limit().currentMilliamps()).isEqualTo(16_000);
        assertThat(right.limit().currentMilliamps()).isEqualTo(16_000);
    }

    @Test
    void withoutAVariableChangeAnIncreaseWaitsWhileAReductionDoesNot() {
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "26"));
        site.baseLoad = new PhaseCurrents(14_000, 14_000, 14_000);
        settle(manager);
        assertThat(left.limit().currentMilliamps()).isEqualTo(6000);

        site.baseLoad = PhaseCurrents.ZERO; // the cooker switched off: more room, 3 s after the last limit
        cycleAfterOneSecond(manager);
        assertThat(left.limit().currentMilliamps()).as("an increase waits for increaseIntervalSeconds").isEqualTo(6000);
        cycleAfterOneSecond(manager);
        cycleAfterOneSecond(manager);
        assertThat(left.limit().currentMilliamps()).as("5 s after the last limit: the fair share").isEqualTo(13_000);

        site.baseLoad = new PhaseCurrents(20_000, 20_000, 20_000);
        settle(manager);
        assertThat(site.gridCurrents().maxMilliamps()).as("a reduction is sent at once").isLessThanOrEqualTo(26_000);
    }

    @Test
    void singlePhaseCarsOnOnePhaseShareTheUnbalancedLoadLimitWhileThreePhaseCarsAreNotHeldBack() {
        FakeEvse carportA = site.addEvse("carport-a-1", 1, PhaseRotation.L2_L3_L1);
        FakeEvse carportB = site.addEvse("carport-b-1", 1, PhaseRotation.L2_L3_L1);
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "100"));
        Map<String, ChargingLimit> limits = settle(manager);
        // by default at most 20 A between phases (4.6 kVA): both on L2 together get 20 A, not 2 x 16 A
        assertThat(carportA.limit().currentMilliamps() + carportB.limit().currentMilliamps()).isEqualTo(20_000);
        assertThat(carportA.limit()).isEqualTo(carportB.limit());
        assertThat(limits.get("carport-a-1").detail()).isEqualTo("unbalanced-load limit: at most 20 A between phases");
        assertThat(left.limit().currentMilliamps()).isEqualTo(16_000);
        assertThat(right.limit().currentMilliamps()).isEqualTo(16_000);

        LoadManager unlimited = loadManager(Map.of("houseConnectionCurrentAmps", "100", "unbalancedLoadLimitAmps", 0.0));
        settle(unlimited);
        assertThat(carportA.limit().currentMilliamps()).isEqualTo(16_000);
        assertThat(carportB.limit().currentMilliamps()).isEqualTo(16_000);
    }

    @Test
    void aCapOfAnotherSourceAndTheLocalLimitCombineAsTheirMinimum() {
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "63"));
        int[] capMilliamps = {10_000};
        manager.addCap(new org.chargingmanager.api.evse.ChargingCap() {
            @Override
            public String evseId() {
                return "left-1";
            }

            @Override
            public java.util.OptionalInt maxCurrentMilliamps(Instant now) {
                return capMilliamps[0] < 0 ? java.util.OptionalInt.empty() : java.util.OptionalInt.of(capMilliamps[0]);
            }

            @Override
            public String source() {
                return "OCPP backend CB1";
            }
        });
        Map<String, ChargingLimit> limits = settle(manager);
        assertThat(limits.get("left-1").currentMilliamps()).as("the backend's cap below the local limit").isEqualTo(10_000);
        assertThat(limits.get("left-1").detail()).isEqualTo("OCPP backend CB1");
        assertThat(right.limit().currentMilliamps()).isEqualTo(16_000);

        capMilliamps[0] = 0;
        assertThat(settle(manager).get("left-1").currentMilliamps()).as("0 from the backend: no charging").isZero();

        capMilliamps[0] = 32_000;
        for (int second = 0; second < 600 && left.limit().currentMilliamps() == 0; second++) {
            cycleAfterOneSecond(manager); // after the pause the hysteresis holds it a while
        }
        assertThat(settle(manager).get("left-1").currentMilliamps()).as("the local maximum below the cap").isEqualTo(16_000);
    }

    /**
     * A simulated day, 10 s per cycle: PV behind the grid meter (no meter of its own) gives 12 kW
     * from 09:00, a cloud from 12:00 to 12:20 leaves 1 kW, then 12 kW again until 14:00 and 1 kW
     * after. "left" charges in the mode PV only, "right" in minimum + PV.
     */
    @Test
    void aSunnyThenCloudyDayWithOneCarOnPvOnlyAndOneOnMinimumPlusPv() {
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "63", "unmeteredFeedInAmps", 40.0));
        manager.addSettings(new EvseSettings(Configs.of(EvseSettingsConfig.class,
                Map.of("evseId", "left-1", "chargingMode", "PV_ONLY"))));
        manager.addSettings(new EvseSettings(Configs.of(EvseSettingsConfig.class,
                Map.of("evseId", "right-1", "chargingMode", "MIN_PV"))));
        clock.set(Instant.parse("2026-06-21T07:00:00Z")); // 09:00 in Germany
        int starts = 0;
        boolean wasCharging = false;
        double worstImportOutsideStopDelayWatts = Double.NEGATIVE_INFINITY;
        Map<Integer, Integer> leftByMinute = new java.util.HashMap<>();
        for (int second = 0; second < 6 * 3600; second += 10) {
            boolean sunny = second < 3 * 3600 || second >= 3 * 3600 + 20 * 60 && second < 5 * 3600;
            int pvMilliampsPerPhase = (int) Math.round((sunny ? 12_000 : 1_000) / 3.0 / 230 * 1000);
            site.baseLoad = PhaseCurrents.onPhases(3, 1304 - pvMilliampsPerPhase); // 300 W per phase of the house
            clock.advance(Duration.ofSeconds(10));
            Map<String, ChargingLimit> limits = manager.cycle();
            boolean charging = left.limit().currentMilliamps() > 0;
            if (charging && !wasCharging) {
                starts++;
            }
            wasCharging = charging;
            leftByMinute.put(second / 60, left.limit().currentMilliamps());
            if (!limits.get("left-1").detail().startsWith("PV surplus too small: minimum")) {
                // beyond the minimum of "right", nothing comes from the grid (the cars follow at once)
                worstImportOutsideStopDelayWatts = Math.max(worstImportOutsideStopDelayWatts,
                        site.gridPowerWatts() - 3 * 6 * 230);
            }
            assertThat(right.limit().currentMilliamps()).as("minimum + PV keeps its minimum").isGreaterThanOrEqualTo(6000);
        }
        assertThat(worstImportOutsideStopDelayWatts).isLessThanOrEqualTo(0.0);
        assertThat(leftByMinute.get(0)).as("the start delay").isZero();
        assertThat(leftByMinute.get(30)).as("in the sun both share the surplus").isBetween(6000, 10_000);
        assertThat(leftByMinute.get(182)).as("the cloud: the minimum for the stop delay").isEqualTo(6000);
        assertThat(leftByMinute.get(190)).as("then stopped").isZero();
        assertThat(leftByMinute.get(240)).as("the sun is back").isPositive();
        assertThat(leftByMinute.get(330)).as("cloudy afternoon").isZero();
        assertThat(starts).as("started in the morning and after the cloud, no toggling").isEqualTo(2);
        assertThat(right.limit().currentMilliamps()).isEqualTo(6000);
        assertThat(manager.cycle().get("left-1").reason()).isEqualTo(LimitReason.SOLAR);
    }

    /** A three-phase charging point that can switch to one phase (6 to 16 A), its car following the limit. */
    private FakeEvse switchable(String id) {
        FakeEvse evse = new FakeEvse(new org.chargingmanager.api.evse.EvseInfo(id, id, "fake", id, 1, 3,
                PhaseRotation.L1_L2_L3, 6000, 16_000, org.chargingmanager.api.device.DeviceIdentity.UNKNOWN,
                new org.chargingmanager.api.evse.EvseCapabilities(true, 100, false, false, false)), clock)
                .carFollowsLimit(32_000);
        site.evses.add(evse);
        return evse;
    }

    @Test
    void whenTheHouseCannotGiveTheThreePhaseMinimumASwitchableCarChargesOnOnePhaseAndSwitchesBackLater()
            throws Exception {
        site.evses.clear();
        FakeEvse car = switchable("carport-1");
        site.baseLoad = PhaseCurrents.onPhases(3, 1000);
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "63",
                "houseConnectionPowerWatts", "11000 * AVAIL / 100"));
        settle(manager);
        assertThat(car.limit().currentMilliamps()).isEqualTo(14_900);
        assertThat(car.limit().phases()).isEqualTo(3);

        variables.set("AVAIL", "30"); // 3.3 kW: 690 W of the house leave 2.6 kW, less than 4.1 kW for 3 x 6 A
        manager.variablesChanged(Set.of("AVAIL"));
        Map<String, ChargingLimit> limits = settle(manager);
        assertThat(car.limit().phases()).as("one phase").isEqualTo(1);
        assertThat(car.limit().currentMilliamps()).isEqualTo(11_300);
        assertThat(car.snapshot().phasesInUse()).isEqualTo(1);
        assertThat(limits.get("carport-1").reason()).isEqualTo(LimitReason.HOUSE_LIMIT);
        assertThat(site.gridPowerWatts()).isLessThanOrEqualTo(3300);

        variables.set("AVAIL", "100");
        manager.variablesChanged(Set.of("AVAIL"));
        settle(manager);
        assertThat(car.limit().phases()).as("not before the switch interval").isEqualTo(1);
        for (int second = 0; second < 300; second++) {
            cycleAfterOneSecond(manager);
        }
        settle(manager);
        assertThat(car.limit().phases()).as("three phases again after 300 s").isEqualTo(3);
        assertThat(car.limit().currentMilliamps()).isEqualTo(14_900);
        long switches = car.appliedLimits().stream().map(ChargingLimit::phases).distinct().count();
        assertThat(switches).isEqualTo(2);
    }

    @Test
    void aSwitchableCarOnPvOnlyChargesOnOnePhaseWhenTheSurplusIsSmallAndOnThreeWhenItGrows() {
        site.evses.clear();
        FakeEvse car = switchable("carport-1");
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "63", "unmeteredFeedInAmps", 40.0,
                "solarStartDelaySeconds", 0));
        manager.addSettings(new EvseSettings(Configs.of(EvseSettingsConfig.class,
                Map.of("evseId", "carport-1", "chargingMode", "PV_ONLY"))));
        site.baseLoad = PhaseCurrents.onPhases(3, -3000); // 2.07 kW fed in: one phase at 9 A, not three at 6 A
        settle(manager);
        assertThat(car.limit().phases()).isEqualTo(1);
        assertThat(car.limit().currentMilliamps()).isEqualTo(9000);
        assertThat(site.gridPowerWatts()).isLessThanOrEqualTo(0.0);

        site.baseLoad = PhaseCurrents.onPhases(3, -10_000); // 6.9 kW fed in
        settle(manager);
        assertThat(car.limit().phases()).as("not before the switch interval").isEqualTo(1);
        assertThat(car.limit().currentMilliamps()).isEqualTo(16_000);
        for (int second = 0; second < 300; second++) {
            cycleAfterOneSecond(manager);
        }
        assertThat(car.limit().phases()).isEqualTo(3);
        assertThat(car.limit().currentMilliamps()).isEqualTo(10_000);
        assertThat(site.gridPowerWatts()).isLessThanOrEqualTo(0.0);
    }

    @Test
    void theModeOffStopsChargingWithItsReason() {
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "63"));
        manager.addSettings(new EvseSettings(Configs.of(EvseSettingsConfig.class,
                Map.of("evseId", "left-1", "chargingMode", "OFF"))));
        Map<String, ChargingLimit> limits = settle(manager);
        assertThat(limits.get("left-1")).isEqualTo(new ChargingLimit(0, LimitReason.DISABLED, "charging mode: off"));
        assertThat(right.limit().currentMilliamps()).isEqualTo(16_000);
    }

    @Test
    void onlyChangedLimitsAreSentToTheDrivers() {
        LoadManager manager = loadManager(Map.of());
        settle(manager);
        int sentBefore = left.appliedLimits().size();
        manager.cycle();
        manager.cycle();
        assertThat(left.appliedLimits()).hasSize(sentBefore);
        assertThat(sentBefore).isBetween(1, 2);
    }

    @Test
    void perPhaseFuseIsHonouredWithRotatedPhases() {
        site.baseLoad = new PhaseCurrents(20_000, 0, 0);
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "32"));
        settle(manager);
        PhaseCurrents grid = site.gridCurrents();
        assertThat(grid.maxMilliamps()).isLessThanOrEqualTo(32_000);
        assertThat(left.limit().currentMilliamps()).isEqualTo(6000);
        assertThat(right.limit().currentMilliamps()).isEqualTo(6000);
    }

    @Test
    void staleGridMeterFallsBackToTheSafeBudget() {
        LoadManager manager = loadManager(Map.of("fallbackCurrentAmps", 10.0));
        settle(manager);
        site.meterOnline = false;
        Map<String, ChargingLimit> limits = settle(manager);
        int total = limits.values().stream().mapToInt(ChargingLimit::currentMilliamps).sum();
        assertThat(total).isLessThanOrEqualTo(10_000);
        assertThat(limits.values()).filteredOn(limit -> limit.currentMilliamps() > 0).singleElement()
                .isEqualTo(new ChargingLimit(10_000, LimitReason.FALLBACK, "no current grid reading"));
    }

    @Test
    void silentChargingPointGetsZeroAndWhatItWasLastAllowedIsReservedOnTopOfWhatItDrew() {
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "45"));
        settle(manager);
        right.online(false);
        clock.advance(Staleness.STALE_AFTER.plusSeconds(1));
        Map<String, ChargingLimit> limits = manager.cycle();
        assertThat(limits.get("right-1").reason()).isEqualTo(LimitReason.FALLBACK);
        assertThat(limits.get("left-1").currentMilliamps())
                .as("45 A minus base load on L1 minus the 16 A it may still draw minus its last limit of 16 A")
                .isEqualTo(45_000 - 2609 - 16_000 - 16_000);
    }

    @Test
    void carThatDrawsLessIsCappedSteadilyAndTheRestGoesToTheOther() {
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "26"));
        site.baseLoad = PhaseCurrents.ZERO;
        left.carFollowsLimit(8000);
        settle(manager);
        for (int i = 0; i < 10; i++) {
            cycleAfterOneSecond(manager); // the car had time to follow its limit: it is capped
        }
        List<Integer> leftLimits = new ArrayList<>();
        List<Integer> rightLimits = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            Map<String, ChargingLimit> limits = cycleAfterOneSecond(manager);
            leftLimits.add(limits.get("left-1").currentMilliamps());
            rightLimits.add(limits.get("right-1").currentMilliamps());
        }
        assertThat(leftLimits).as("no flipping between the cap and the full share").containsOnly(10_000);
        assertThat(rightLimits).containsOnly(16_000);
        assertThat(left.limit().detail()).isEqualTo("the car draws less");

        left.carFollowsLimit(32_000);
        settle(manager);
        assertThat(manager.cycle().get("left-1").currentMilliamps()).as("the car wants more again: fair share").isEqualTo(13_000);
    }

    @Test
    void tariffRuleStopsChargingAndShowsItsName() throws Exception {
        LoadManager manager = loadManager(Map.of());
        manager.addRule(new ChargingRuleComponent(Configs.of(ChargingRuleConfig.class,
                Map.of("name", "only cheap tariff", "condition", "TARIF == 0", "action", RuleAction.NO_CHARGING,
                        "evseIds", new String[] { "left-1" }))));
        Map<String, ChargingLimit> limits = settle(manager);
        assertThat(limits.get("left-1")).isEqualTo(new ChargingLimit(0, LimitReason.RULE, "only cheap tariff"));
        variables.set("TARIF", "1");
        limits = settle(manager);
        assertThat(limits.get("left-1").currentMilliamps()).isEqualTo(16_000);
    }

    /** A rule that sets "PV only" while the high tariff applies; without surplus the car waits, with the low tariff it charges fast again. */
    @Test
    void aRuleSwitchesTheChargingModeWhileItsConditionHolds() throws Exception {
        LoadManager manager = loadManager(Map.of("solarStartDelaySeconds", 0, "solarStopDelaySeconds", 0));
        manager.addRule(new ChargingRuleComponent(Configs.of(ChargingRuleConfig.class,
                Map.of("name", "PV only at high tariff", "condition", "TARIF == 1", "action", RuleAction.MODE_PV_ONLY,
                        "evseIds", new String[] { "left-1" }))));
        variables.set("TARIF", "1");
        Map<String, ChargingLimit> limits = settle(manager);
        assertThat(limits.get("left-1").currentMilliamps()).as("no surplus: PV only waits").isZero();
        assertThat(limits.get("left-1").reason()).isEqualTo(LimitReason.SOLAR);
        assertThat(limits.get("right-1").currentMilliamps()).as("the rule is for left only").isEqualTo(16_000);

        variables.set("TARIF", "0");
        limits = settle(manager);
        assertThat(limits.get("left-1").currentMilliamps()).as("its own mode again: fast").isEqualTo(16_000);
    }

    @Test
    void aChargingPointSwitchedOffStaysOffWhateverModeARuleSets() throws Exception {
        LoadManager manager = loadManager(Map.of());
        manager.addSettings(new EvseSettings(Configs.of(EvseSettingsConfig.class,
                Map.of("evseId", "left-1", "chargingMode", "OFF"))));
        manager.addRule(new ChargingRuleComponent(Configs.of(ChargingRuleConfig.class,
                Map.of("name", "always fast", "action", RuleAction.MODE_FAST))));
        assertThat(settle(manager).get("left-1").currentMilliamps()).isZero();
    }

    @Test
    void chargingPointSettingsSetPriorityAndMaximumByExpression() throws Exception {
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "20"));
        manager.addSettings(new EvseSettings(Configs.of(EvseSettingsConfig.class,
                Map.of("evseId", "right-1", "priority", 1, "maxCurrentAmps", "if(TARIF == 1, 16, 10)"))));
        site.baseLoad = PhaseCurrents.ZERO;
        Map<String, ChargingLimit> limits = settle(manager);
        assertThat(limits.get("right-1")).isEqualTo(new ChargingLimit(10_000, LimitReason.EVSE_MAXIMUM,
                "charging point settings"));
        assertThat(limits.get("left-1").currentMilliamps()).isEqualTo(10_000);
        variables.set("TARIF", "1");
        limits = settle(manager);
        assertThat(limits.get("right-1").currentMilliamps()).isEqualTo(14_000);
        assertThat(limits.get("left-1").currentMilliamps()).isEqualTo(6000);
    }

    @Test
    void aUsersPriorityAddsToTheChargingPointsPriority() throws Exception {
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "20"));
        User boss = new User("boss", "Boss", List.of("RFID-BOSS"), List.of(), Set.of(), 1, null, false);
        User guest = new User("guest", "Guest", List.of("RFID-GUEST"), List.of(), Set.of(), 0, null, false);
        manager.useUsers((idTag, evseId) -> new Authorization(AuthorizationStatus.ACCEPTED,
                idTag.equals("RFID-BOSS") ? "boss" : "guest", null, null), new UsersInMemory(boss, guest));
        site.baseLoad = PhaseCurrents.ZERO;
        left.idTag("RFID-GUEST");
        right.idTag("RFID-BOSS");

        Map<String, ChargingLimit> limits = settle(manager);
        assertThat(limits.get("right-1").currentMilliamps()).isEqualTo(14_000);
        assertThat(limits.get("left-1").currentMilliamps()).isEqualTo(6000);

        left.idTag("RFID-BOSS");
        right.idTag("RFID-GUEST");
        limits = settle(manager);
        assertThat(limits.get("left-1").currentMilliamps()).isEqualTo(14_000);
        assertThat(limits.get("right-1").currentMilliamps()).isEqualTo(6000);

        left.idTag(null);
        right.idTag(null);
        limits = settle(manager);
        assertThat(limits.get("left-1").currentMilliamps()).isEqualTo(10_000);
        assertThat(limits.get("right-1").currentMilliamps()).isEqualTo(10_000);
    }

    private record UsersInMemory(User... users) implements UserDirectory {
        @Override
        public List<User> list() {
            return List.of(users);
        }

        @Override
        public Optional<User> find(String userId) {
            return Stream.of(users).filter(user -> user.id().equals(userId)).findFirst();
        }

        @Override
        public Optional<User> findByToken(String idTag) {
            return Stream.of(users).filter(user -> user.rfidTags().contains(idTag)).findFirst();
        }

        @Override
        public User save(User user) {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean delete(String userId) {
            throw new UnsupportedOperationException();
        }
    }

    @Test
    void noCarMeansZeroAndNoChargingAllowedBeforeAllocation() {
        left.carConnected(false);
        LoadManager manager = loadManager(Map.of());
        Map<String, ChargingLimit> limits = settle(manager);
        assertThat(limits.get("left-1")).isEqualTo(new ChargingLimit(0, LimitReason.NOT_ALLOCATED, "no car connected"));
    }

    /**
     * Issue 11's overrun: 100 OCPP stations (200 connectors) behind a grid meter that does not see
     * them. Subtracting their currents from the reading made the house's load negative and the
     * budget grow to about 161 A per phase on a 63 A connection. Now the reading contradicts the
     * charging points, the safe budget applies, and what really flows stays within the fuse.
     */
    @Test
    void aGridMeterThatDoesNotSeeTheChargingPointsCannotOverrunTheFuse() throws Exception {
        site.evses.clear();
        for (int station = 1; station <= 100; station++) {
            for (int connector = 1; connector <= 2; connector++) {
                FakeEvse evse = site.addEvse("ocpp-CP" + station + "-" + connector, 3, PhaseRotation.L1_L2_L3);
                site.hideFromGridMeter(evse);
                evse.applyLimit(new ChargingLimit(16_000, LimitReason.HOUSE_LIMIT, "")); // what they were allowed before
            }
        }
        site.baseLoad = new PhaseCurrents(2_000, 1_500, 1_000);
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "63",
                "houseConnectionPowerWatts", "55000 * AVAIL / 100", "fallbackCurrentAmps", 32.0));

        for (int cycle = 0; cycle < 5; cycle++) {
            Map<String, ChargingLimit> limits = manager.cycle();
            if (cycle > 0) {
                PhaseCurrents real = site.gridCurrents();
                assertThat(real.maxMilliamps()).as("current per phase after cycle " + cycle).isLessThanOrEqualTo(63_000);
                assertThat(site.gridPowerWatts()).isLessThanOrEqualTo(55_000);
                assertThat(limits.values()).allSatisfy(limit -> assertThat(limit.reason()).isEqualTo(LimitReason.FALLBACK));
            }
        }
        assertThat(manager.fallbackReason()).isEqualTo(
                "the grid meter reads less on L1 than the charging points draw there: it may not see them");
        int total = manager.cycle().values().stream().mapToInt(ChargingLimit::currentMilliamps).sum();
        assertThat(total).as("the 200 connectors share the safe budget").isLessThanOrEqualTo(32_000);
    }

    /** The same meter with PV behind it (a PV meter measuring 20 A per phase) may read less than the cars draw. */
    @Test
    void feedInOfAPvMeterExplainsAGridReadingBelowTheChargingPoints() {
        site.baseLoad = new PhaseCurrents(-15_000, -15_000, -15_000); // 20 A of PV against 5 A of house load
        Meter pv = new Meter() {
            @Override
            public MeterInfo info() {
                return new MeterInfo("pv", "PV", "fake", MeterRole.PV);
            }

            @Override
            public MeterReading reading() {
                return new MeterReading(clock.instant(), 13_800, null, new PhaseCurrents(20_000, 20_000, 20_000), null,
                        0, 0);
            }
        };
        LoadManager manager = loadManager(Map.of("houseConnectionCurrentAmps", "20"));
        manager.addMeter(pv);
        Map<String, ChargingLimit> limits = settle(manager);
        assertThat(manager.fallbackReason()).isEmpty();
        assertThat(limits.get("left-1").currentMilliamps()).isEqualTo(16_000);
        assertThat(limits.get("right-1").currentMilliamps()).isEqualTo(16_000);
        assertThat(site.gridCurrents().maxMilliamps()).isLessThanOrEqualTo(20_000);

        LoadManager withoutPvMeter = loadManager(Map.of("houseConnectionCurrentAmps", "20"));
        settle(withoutPvMeter);
        assertThat(withoutPvMeter.fallbackReason()).as("without the PV meter nothing explains the low reading")
                .startsWith("the grid meter reads less on");
    }
}
