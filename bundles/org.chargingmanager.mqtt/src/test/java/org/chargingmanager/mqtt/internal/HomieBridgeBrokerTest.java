package org.chargingmanager.mqtt.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.chargingmanager.testkit.MutableClock;
import org.chargingmanager.testkit.Await;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.chargingmanager.testkit.devices.FakeMeter;

/** The publisher against a real broker (Moquette on loopback), watched by a real Paho client. */
class HomieBridgeBrokerTest {

    private static final String DEVICE = "homie/chargingmanager/";

    private TestBroker broker;
    private MqttRecorder recorder;
    private HomieBridge bridge;
    private final TestVariables variables = new TestVariables();
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T10:00:00Z"));
    private final List<Evse> evses = new CopyOnWriteArrayList<>();
    private final List<Meter> meters = new CopyOnWriteArrayList<>();
    private final SiteReader reader = new SiteReader();

    @BeforeEach
    void start() throws Exception {
        broker = TestBroker.start();
        recorder = new MqttRecorder(broker.url());
        variables.set("AVAIL", "100");
        variables.set("TARIF", "0.3");
        evses.add(wallbox("sim-garage-1", PhaseRotation.L2_L3_L1).state(EvseState.CHARGING)
                .currents(new PhaseCurrents(16000, 0, 0)).powerWatts(3680).idTag("TAG-1"));
        meters.add(FakeMeter.of("grid", MeterRole.GRID, clock).currents(new PhaseCurrents(10500, 10500, 10500))
                .powerWatts(7000.25).energyWattHours(12345.6, 0));
    }

    private FakeEvse wallbox(String id, PhaseRotation rotation) {
        FakeEvse evse = new FakeEvse(new EvseInfo(id, "Wallbox " + id, "test", "", 1, 3, rotation, 6000, 16000), clock)
                .energyWattHours(1000);
        evse.applyLimit(new ChargingLimit(16000, LimitReason.HOUSE_LIMIT, "house"));
        return evse;
    }

    @AfterEach
    void stop() throws Exception {
        if (bridge != null) {
            bridge.stop();
        }
        recorder.close();
        broker.close();
    }

    private HomieBridge startBridge(String url, String user, String password, boolean homeAssistant) {
        MqttSettings settings = new MqttSettings(url, "cm-test-" + System.nanoTime(), user, password.toCharArray(), null,
                "homie", "chargingmanager", "Charging Manager", homeAssistant, "homeassistant");
        HomieBridge started = new HomieBridge(settings,
                () -> reader.read(variables, evses, meters, new HouseLimitSettings("AVAIL", "55000", "")), variables,
                clock, Duration.ofMillis(100));
        started.start();
        return started;
    }

    private void startReady() throws InterruptedException {
        bridge = startBridge(broker.url(), "", "", false);
        Await.until("$state ready", () -> "ready".equals(recorder.get(DEVICE + "$state")));
    }

    @Test
    void publishesTheRetainedHomieDescriptionAndValuesThenReady() throws Exception {
        startReady();
        List<String> states = recorder.payloadsOf(DEVICE + "$state");
        assertThat(states).containsExactly("init", "ready");

        // a controller that subscribes later gets everything from the broker's retained messages
        try (MqttRecorder late = new MqttRecorder(broker.url())) {
            // every retained topic, in whatever order the broker sends them
            Await.until("the retained tree", () -> late.state.equals(recorder.state));
            // (Moquette 0.17 does not set the retain flag on retained messages sent at subscription)
            Map<String, String> tree = new HashMap<>(late.state);
            assertThat(tree).containsEntry(DEVICE + "$homie", "4.0.0")
                    .containsEntry(DEVICE + "$name", "Charging Manager")
                    .containsEntry(DEVICE + "$nodes", "variables,grid,evse-sim-garage-1,meter-grid")
                    .containsEntry(DEVICE + "variables/$name", "Variables")
                    .containsEntry(DEVICE + "variables/$properties", "avail,tarif")
                    .containsEntry(DEVICE + "variables/avail/$name", "AVAIL")
                    .containsEntry(DEVICE + "variables/avail/$datatype", "float")
                    .containsEntry(DEVICE + "variables/avail/$settable", "true")
                    .containsEntry(DEVICE + "variables/avail", "100")
                    .containsEntry(DEVICE + "variables/tarif", "0.3")
                    .containsEntry(DEVICE + "grid/power", "7000.3")
                    .containsEntry(DEVICE + "grid/current-l1", "10.5")
                    .containsEntry(DEVICE + "grid/limit-current", "100")
                    .containsEntry(DEVICE + "grid/limit-power", "55000")
                    .containsEntry(DEVICE + "grid/power/$unit", "W")
                    .containsEntry(DEVICE + "evse-sim-garage-1/$name", "Wallbox sim-garage-1")
                    .containsEntry(DEVICE + "evse-sim-garage-1/state", "CHARGING")
                    .containsEntry(DEVICE + "evse-sim-garage-1/state/$datatype", "enum")
                    .containsEntry(DEVICE + "evse-sim-garage-1/power", "3680")
                    // the wallbox's phase 1 is on L2
                    .containsEntry(DEVICE + "evse-sim-garage-1/current-l2", "16")
                    .containsEntry(DEVICE + "evse-sim-garage-1/current-l1", "0")
                    .containsEntry(DEVICE + "evse-sim-garage-1/limit", "16")
                    .containsEntry(DEVICE + "evse-sim-garage-1/limit-reason", "HOUSE_LIMIT")
                    .containsEntry(DEVICE + "evse-sim-garage-1/id-tag", "TAG-1")
                    .containsEntry(DEVICE + "evse-sim-garage-1/session-energy", "0")
                    .containsEntry(DEVICE + "meter-grid/energy-import", "12345.6");
            assertThat(tree.get(DEVICE + "evse-sim-garage-1/state/$format")).contains("CHARGING", "OFFLINE");
        }
    }

    @Test
    void aSetChangesTheVariableAndTheNewValueIsPublished() throws Exception {
        startReady();
        recorder.send(DEVICE + "variables/avail/set", "42.5");
        Await.until("AVAIL = 42.5", () -> variables.get("AVAIL").orElseThrow().value() == 42.5);
        clock.advance(Duration.ofSeconds(1));
        Await.until("avail published", () -> "42.5".equals(recorder.get(DEVICE + "variables/avail")));
        assertThat(variables.get("AVAIL").orElseThrow().expression()).isEqualTo("42.5");
        assertThat(bridge.acceptedSets()).isEqualTo(1);
    }

    /** Charging modes kept in memory, as the core keeps them in the charging point settings. */
    private static final class Modes implements org.chargingmanager.api.evse.ChargingModes {
        final Map<String, org.chargingmanager.api.evse.ChargingMode> modes = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public Map<String, org.chargingmanager.api.evse.ChargingMode> modes() {
            return Map.copyOf(modes);
        }

        @Override
        public org.chargingmanager.api.evse.ChargingMode mode(String evseId) {
            return modes.getOrDefault(evseId, org.chargingmanager.api.evse.ChargingMode.FAST);
        }

        @Override
        public void setMode(String evseId, org.chargingmanager.api.evse.ChargingMode mode, String user) {
            modes.put(evseId, mode);
        }
    }

    @Test
    void theChargingModeOfAChargingPointIsPublishedAndSettable() throws Exception {
        Modes modes = new Modes();
        MqttSettings settings = new MqttSettings(broker.url(), "cm-test-" + System.nanoTime(), "", new char[0], null,
                "homie", "chargingmanager", "Charging Manager", false, "homeassistant");
        bridge = new HomieBridge(settings,
                () -> reader.read(variables, evses, meters, new HouseLimitSettings("AVAIL", "55000", ""), modes),
                variables, () -> modes, clock, Duration.ofMillis(100));
        bridge.start();
        Await.until("$state ready", () -> "ready".equals(recorder.get(DEVICE + "$state")));
        String node = DEVICE + "evse-sim-garage-1/";
        assertThat(recorder.get(node + "mode")).isEqualTo("FAST");
        assertThat(recorder.get(node + "mode/$settable")).isEqualTo("true");
        assertThat(recorder.get(node + "mode/$datatype")).isEqualTo("enum");
        assertThat(recorder.get(node + "mode/$format")).isEqualTo("FAST,MIN_PV,PV_ONLY,OFF");
        assertThat(recorder.get(node + "$properties")).endsWith(",mode");

        recorder.send(node + "mode/set", "pv_only");
        Await.until("PV_ONLY stored", () -> modes.mode("sim-garage-1") == org.chargingmanager.api.evse.ChargingMode.PV_ONLY);
        clock.advance(Duration.ofSeconds(1));
        Await.until("PV_ONLY published", () -> "PV_ONLY".equals(recorder.get(node + "mode")));

        recorder.send(node + "mode/set", "turbo");
        recorder.send(DEVICE + "evse-nosuch-1/mode/set", "OFF");
        recorder.send(DEVICE + "grid/mode/set", "OFF");
        Await.until("3 refusals", () -> bridge.refusedSets() == 3);
        assertThat(modes.modes()).containsExactly(Map.entry("sim-garage-1", org.chargingmanager.api.evse.ChargingMode.PV_ONLY));
        assertThat(bridge.acceptedSets()).isEqualTo(1);
    }

    /** Charging plans kept in memory, as the core keeps them in its data directory. */
    private static final class Plans implements org.chargingmanager.api.plan.ChargingPlans {
        final Map<String, org.chargingmanager.api.plan.ChargingPlanStatus> plans = new java.util.concurrent.ConcurrentHashMap<>();

        @Override
        public List<org.chargingmanager.api.plan.ChargingPlanStatus> plans() {
            return List.copyOf(plans.values());
        }

        @Override
        public java.util.Optional<org.chargingmanager.api.plan.ChargingPlanStatus> plan(String evseId) {
            return java.util.Optional.ofNullable(plans.get(evseId));
        }

        @Override
        public org.chargingmanager.api.plan.ChargingPlanStatus setPlan(org.chargingmanager.api.plan.ChargingPlanRequest request,
                String user) {
            org.chargingmanager.api.plan.ChargingPlanStatus status = org.chargingmanager.api.plan.ChargingPlanStatus
                    .unplanned(request);
            plans.put(request.evseId(), status);
            return status;
        }

        @Override
        public boolean removePlan(String evseId, String user) {
            return plans.remove(evseId) != null;
        }
    }

    @Test
    void theChargingPlanOfAChargingPointIsPublishedSetAndRemoved() throws Exception {
        Plans plans = new Plans();
        MqttSettings settings = new MqttSettings(broker.url(), "cm-test-" + System.nanoTime(), "", new char[0], null,
                "homie", "chargingmanager", "Charging Manager", false, "homeassistant");
        bridge = new HomieBridge(settings,
                () -> reader.read(variables, evses, meters, new HouseLimitSettings("AVAIL", "55000", ""), null, plans),
                variables, () -> null, () -> plans, clock, Duration.ofMillis(100));
        bridge.start();
        Await.until("$state ready", () -> "ready".equals(recorder.get(DEVICE + "$state")));
        String node = DEVICE + "evse-sim-garage-1/";
        assertThat(recorder.get(node + "plan")).isEqualTo("none");
        assertThat(recorder.get(node + "plan/$settable")).isEqualTo("true");
        assertThat(recorder.get(node + "plan/$datatype")).isEqualTo("string");

        recorder.send(node + "plan/set", "20 kWh by 2026-12-02T07:00:00+01:00");
        Await.until("plan stored", () -> plans.plan("sim-garage-1").isPresent());
        assertThat(plans.plan("sim-garage-1").get().request().deadline()).isEqualTo(Instant.parse("2026-12-02T06:00:00Z"));
        assertThat(plans.plan("sim-garage-1").get().request().energyWattHours()).isEqualTo(20_000);
        clock.advance(Duration.ofSeconds(1));
        Await.until("plan published", () -> String.valueOf(recorder.get(node + "plan"))
                .startsWith("20.0 kWh by 2026-12-02T06:00:00Z: WAITING_FOR_CAR, 0.0 kWh charged"));

        recorder.send(node + "plan/set", "lots by tomorrow");
        recorder.send(node + "plan/set", "20 kWh by 25:00");
        recorder.send(DEVICE + "evse-nosuch-1/plan/set", "20 kWh by 07:00");
        Await.until("3 refusals", () -> bridge.refusedSets() == 3);
        assertThat(plans.plans()).hasSize(1);

        recorder.send(node + "plan/set", "none");
        Await.until("plan removed", () -> plans.plans().isEmpty());
        clock.advance(Duration.ofSeconds(1));
        Await.until("none published", () -> "none".equals(recorder.get(node + "plan")));
        assertThat(bridge.acceptedSets()).isEqualTo(2);
    }

    @Test
    void badSetsAreRefusedAndChangeNothing() throws Exception {
        startReady();
        int setsBefore = variables.sets.get();
        recorder.send(DEVICE + "variables/avail/set", "abc");
        recorder.send(DEVICE + "variables/avail/set", "");
        recorder.send(DEVICE + "variables/avail/set", "1+1");
        recorder.send(DEVICE + "variables/avail/set", "NaN");
        recorder.send(DEVICE + "variables/avail/set", "1e999");
        recorder.send(DEVICE + "variables/avail/set", "-5"); // refused by Variables.set
        recorder.send(DEVICE + "variables/avail/set", new byte[] {(byte) 0xff, (byte) 0xfe, 0, 1}, false);
        byte[] huge = new byte[4000];
        java.util.Arrays.fill(huge, (byte) '7');
        recorder.send(DEVICE + "variables/avail/set", huge, false);
        recorder.send(DEVICE + "variables/nosuch/set", "1");
        recorder.send(DEVICE + "variables/-bad-/set", "1");
        Await.until("10 refusals", () -> bridge.refusedSets() == 10);
        clock.advance(Duration.ofSeconds(2));
        int polls = bridge.polls();
        Await.until("two more polls", () -> bridge.polls() >= polls + 2);

        assertThat(variables.sets.get()).isEqualTo(setsBefore);
        assertThat(variables.get("AVAIL").orElseThrow().value()).isEqualTo(100);
        assertThat(recorder.payloadsOf(DEVICE + "variables/avail")).containsExactly("100");
        assertThat(bridge.acceptedSets()).isZero();
        assertThat(recorder.get(DEVICE + "$state")).isEqualTo("ready");
    }

    @Test
    void aValueIsPublishedOnChangeAtMostOnceASecond() throws Exception {
        startReady();
        int valuesAfterStart = bridge.valuesPublished();
        int polls = bridge.polls();
        Await.until("three polls", () -> bridge.polls() >= polls + 3);
        assertThat(bridge.valuesPublished()).as("nothing changed, nothing published").isEqualTo(valuesAfterStart);

        variables.set("AVAIL", "50");
        int pollsAfterChange = bridge.polls();
        Await.until("three polls", () -> bridge.polls() >= pollsAfterChange + 3);
        assertThat(recorder.payloadsOf(DEVICE + "variables/avail")).as("less than 1 s since the last value")
                .containsExactly("100");

        clock.advance(Duration.ofMillis(1000));
        Await.until("50 published", () -> "50".equals(recorder.get(DEVICE + "variables/avail")));

        variables.set("AVAIL", "60");
        variables.set("AVAIL", "70");
        clock.advance(Duration.ofMillis(999));
        int pollsAfterSecondChange = bridge.polls();
        Await.until("three polls", () -> bridge.polls() >= pollsAfterSecondChange + 3);
        assertThat(recorder.payloadsOf(DEVICE + "variables/avail")).containsExactly("100", "50");

        clock.advance(Duration.ofMillis(1));
        Await.until("70 published", () -> "70".equals(recorder.get(DEVICE + "variables/avail")));
        assertThat(recorder.payloadsOf(DEVICE + "variables/avail")).containsExactly("100", "50", "70");
        // the house limit (AVAIL) follows in the same publication
        Await.until("limit 70", () -> "70".equals(recorder.get(DEVICE + "grid/limit-current")));
    }

    @Test
    void aValueThatCannotBeComputedRemovesTheRetainedValue() throws Exception {
        startReady();
        variables.set("TARIF", "NAN");
        clock.advance(Duration.ofSeconds(1));
        Await.until("tarif cleared", () -> recorder.get(DEVICE + "variables/tarif") == null);
        assertThat(recorder.payloadsOf(DEVICE + "variables/tarif")).containsExactly("0.3", "");
        assertThat(recorder.get(DEVICE + "variables/tarif/$datatype")).isEqualTo("float");
    }

    @Test
    void nodesAppearAndDisappearWithChargingPointsAndMeters() throws Exception {
        startReady();
        FakeEvse second = wallbox("ocpp-CB_77-1", PhaseRotation.L1_L2_L3);
        evses.add(second);
        Await.until("the new node in $nodes", () -> "variables,grid,evse-ocpp-cb-77-1,evse-sim-garage-1,meter-grid"
                .equals(recorder.get(DEVICE + "$nodes")));
        assertThat(recorder.get(DEVICE + "evse-ocpp-cb-77-1/$properties")).startsWith("state,power,");
        Await.until("its state", () -> "AVAILABLE".equals(recorder.get(DEVICE + "evse-ocpp-cb-77-1/state")));

        evses.remove(second);
        meters.clear();
        clock.advance(Duration.ofSeconds(1)); // the grid's power has no value now: a change like any other
        Await.until("nodes gone", () -> "variables,grid,evse-sim-garage-1".equals(recorder.get(DEVICE + "$nodes")));
        Await.until("their topics cleared", () -> recorder.topicsStartingWith(DEVICE + "evse-ocpp-cb-77-1/").isEmpty()
                && recorder.topicsStartingWith(DEVICE + "meter-grid/").isEmpty());
        try (MqttRecorder late = new MqttRecorder(broker.url())) {
            Await.until("the retained tree", () -> late.state.equals(recorder.state));
            assertThat(late.topicsStartingWith(DEVICE + "evse-ocpp")).isEmpty();
            assertThat(late.topicsStartingWith(DEVICE + "meter-")).isEmpty();
            assertThat(late.get(DEVICE + "grid/power")).as("no grid meter, no value").isNull();
        }
    }

    @Test
    void everythingIsPublishedAgainWhenTheBrokerComesBack() throws Exception {
        startReady();
        Await.until("a value", () -> recorder.get(DEVICE + "meter-grid/energy-import") != null);
        Map<String, String> before = new HashMap<>(recorder.state);
        recorder.close();
        int port = broker.port;
        broker.close();
        int polls = bridge.polls();
        Await.until("polls while the broker is away", () -> bridge.polls() >= polls + 3);

        broker = TestBroker.startOn(port);
        recorder = new MqttRecorder(broker.url());
        Await.until("ready again", Duration.ofSeconds(20), () -> bridge.connects() == 2
                && "ready".equals(recorder.get(DEVICE + "$state")));
        Await.until("the whole tree", () -> recorder.state.keySet().containsAll(before.keySet()));
        assertThat(recorder.state).isEqualTo(before);
        assertThat(recorder.payloadsOf(DEVICE + "$state")).containsExactly("init", "ready");

        // /set works on the new connection
        recorder.send(DEVICE + "variables/tarif/set", "0.25");
        Await.until("TARIF = 0.25", () -> variables.get("TARIF").orElseThrow().value() == 0.25);
    }

    @Test
    void aCleanStopPublishesDisconnected() throws Exception {
        startReady();
        bridge.stop();
        bridge = null;
        Await.until("disconnected", () -> "disconnected".equals(recorder.get(DEVICE + "$state")));
    }

    @Test
    void refusedCredentialsNeitherConnectNorCrashAndTheRightOnesDo() throws Exception {
        recorder.close();
        broker.close();
        broker = TestBroker.withCredentials("cm", "right-Password-1");
        recorder = new MqttRecorder(broker.url(), "cm", "right-Password-1");
        HomieBridge wrong = startBridge(broker.url(), "cm", "wrong", false);
        try {
            int polls = wrong.polls();
            Await.until("polls", () -> wrong.polls() >= polls + 10);
            assertThat(wrong.connects()).isZero();
            assertThat(recorder.topicsStartingWith("homie/")).isEmpty();
        } finally {
            wrong.stop();
        }
        bridge = startBridge(broker.url(), "cm", "right-Password-1", false);
        Await.until("ready", () -> "ready".equals(recorder.get(DEVICE + "$state")));
    }

    @Test
    void anUnreachableBrokerIsRetriedAndStopsCleanly() throws Exception {
        int port = TestBroker.freePort();
        HomieBridge unreachable = startBridge("tcp://127.0.0.1:" + port, "", "", false);
        int polls = unreachable.polls();
        Await.until("polls", () -> unreachable.polls() >= polls + 5);
        assertThat(unreachable.connects()).isZero();
        long start = System.nanoTime();
        unreachable.stop();
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(5));
    }

    @Test
    void homeAssistantDiscoveryWhenSwitchedOn() throws Exception {
        bridge = startBridge(broker.url(), "", "", true);
        Await.until("ready", () -> "ready".equals(recorder.get(DEVICE + "$state")));
        String number = recorder.get("homeassistant/number/chargingmanager/variables-avail/config");
        assertThat(number).contains("\"command_topic\":\"homie/chargingmanager/variables/avail/set\"",
                "\"state_topic\":\"homie/chargingmanager/variables/avail\"", "\"unique_id\":\"chargingmanager-variables-avail\"");
        String sensor = recorder.get("homeassistant/sensor/chargingmanager/grid-power/config");
        assertThat(sensor).contains("\"device_class\":\"power\"", "\"unit_of_measurement\":\"W\"",
                "\"topic\":\"homie/chargingmanager/$state\"");
        assertThat(recorder.get("homeassistant/sensor/chargingmanager/meter-grid-energy-import/config"))
                .contains("\"state_class\":\"total_increasing\"");

        // a meter that goes removes its entities
        meters.clear();
        Await.until("meter entities removed", () -> recorder.topicsStartingWith("homeassistant/sensor/chargingmanager/meter-")
                .isEmpty());
    }

    @Test
    void homeAssistantDiscoveryIsOffByDefault() throws Exception {
        startReady();
        assertThat(recorder.topicsStartingWith("homeassistant/")).isEmpty();
    }
}
