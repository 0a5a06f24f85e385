package org.chargingmanager.mqtt.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.evse.ChargingMode;
import org.chargingmanager.api.evse.ChargingModes;
import org.chargingmanager.api.plan.ChargingPlanStatus;
import org.chargingmanager.api.plan.ChargingPlans;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.api.evse.LimitReason;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterInfo;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variable;
import org.chargingmanager.api.variables.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the charging manager's services into a {@link SiteState}: the nodes {@code variables},
 * {@code grid}, {@code evse-<id>} per charging point and {@code meter-<id>} per meter.
 *
 * <p>Keeps what a snapshot does not say: the energy register at the start of each charging
 * point's session (a car plugging in starts one; a session already running when the publisher
 * starts counts from then). Not thread safe: called from the bridge's one thread.
 */
final class SiteReader {

    static final String VARIABLES_NODE = "variables";
    static final String GRID_NODE = "grid";
    static final String MODE_PROPERTY = "mode";
    static final String PLAN_PROPERTY = "plan";
    private static final String MODES = Arrays.stream(ChargingMode.values()).map(Enum::name).collect(Collectors.joining(","));
    private static final Logger LOG = LoggerFactory.getLogger(SiteReader.class);
    private static final String STATES = Arrays.stream(EvseState.values()).map(Enum::name).collect(Collectors.joining(","));
    private static final String REASONS = Arrays.stream(LimitReason.values()).map(Enum::name).collect(Collectors.joining(","));

    private final Map<String, Session> sessions = new HashMap<>();
    /** Names already warned about, so that each problem is logged once. */
    private final Set<String> warned = new HashSet<>();

    private static final class Session {
        boolean connected;
        double startWattHours;
        double lastWattHours;
    }

    SiteState read(Variables variables, List<Evse> evses, List<Meter> meters, HouseLimitSettings house) {
        return read(variables, evses, meters, house, null);
    }

    /** @param modes the charging modes, or {@code null}: then the EVSE nodes have no {@code mode} property */
    SiteState read(Variables variables, List<Evse> evses, List<Meter> meters, HouseLimitSettings house,
            ChargingModes modes) {
        return read(variables, evses, meters, house, modes, null);
    }

    /** @param plans the charging plans, or {@code null}: then the EVSE nodes have no {@code plan} property */
    SiteState read(Variables variables, List<Evse> evses, List<Meter> meters, HouseLimitSettings house,
            ChargingModes modes, ChargingPlans plans) {
        List<HomieNode> nodes = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, String> variableNames = new LinkedHashMap<>();
        Map<String, String> evseIds = new LinkedHashMap<>();
        readVariables(variables, nodes, values, variableNames);
        readGrid(variables, meters, house, nodes, values);
        readEvses(evses, modes, plans, nodes, values, evseIds);
        readMeters(meters, nodes, values);
        return new SiteState(nodes, values, variableNames, evseIds);
    }

    private void readVariables(Variables variables, List<HomieNode> nodes, Map<String, String> values,
            Map<String, String> variableNames) {
        List<HomieProperty> properties = new ArrayList<>();
        for (Variable variable : variables.list()) {
            String id = HomieIds.of(variable.name());
            if (id.isEmpty()) {
                warnOnce("variable:" + variable.name(), "MQTT: variable '{}' has no Homie ID (a-z, 0-9, -) and is not published",
                        variable.name());
                continue;
            }
            if (variableNames.containsKey(id)) {
                warnOnce("variable:" + variable.name(), "MQTT: variables '{}' and '{}' both map to the Homie ID '{}'; only "
                        + "the first is published", variableNames.get(id), variable.name());
                continue;
            }
            variableNames.put(id, variable.name());
            properties.add(new HomieProperty(id, variable.name(), "float", "", "", true));
            values.put(VARIABLES_NODE + "/" + id, Payloads.number(variable.value(), 6));
        }
        nodes.add(new HomieNode(VARIABLES_NODE, "Variables", "variables", properties));
    }

    private void readGrid(Variables variables, List<Meter> meters, HouseLimitSettings house, List<HomieNode> nodes,
            Map<String, String> values) {
        double power = Double.NaN;
        PhaseCurrents currents = null;
        for (Meter meter : meters) {
            MeterInfo info;
            MeterReading reading;
            try {
                info = meter.info();
                reading = meter.reading();
            } catch (RuntimeException e) {
                continue;
            }
            boolean grid = house.gridMeterId().isEmpty() ? info.role() == MeterRole.GRID
                    : house.gridMeterId().equals(info.id());
            if (!grid || reading == null) {
                continue;
            }
            power = Double.isNaN(power) ? reading.powerWatts() : power + reading.powerWatts();
            currents = currents == null ? reading.currents() : currents.plus(reading.currents());
        }
        nodes.add(new HomieNode(GRID_NODE, "Grid connection", "grid", List.of(
                HomieProperty.floating("power", "Power", "W"),
                HomieProperty.floating("current-l1", "Current L1", "A"),
                HomieProperty.floating("current-l2", "Current L2", "A"),
                HomieProperty.floating("current-l3", "Current L3", "A"),
                HomieProperty.floating("limit-current", "House limit per phase", "A"),
                HomieProperty.floating("limit-power", "House power limit", "W"))));
        values.put(GRID_NODE + "/power", Payloads.number(power, 1));
        if (currents != null) {
            values.put(GRID_NODE + "/current-l1", Payloads.amps(currents.l1Milliamps()));
            values.put(GRID_NODE + "/current-l2", Payloads.amps(currents.l2Milliamps()));
            values.put(GRID_NODE + "/current-l3", Payloads.amps(currents.l3Milliamps()));
        }
        values.put(GRID_NODE + "/limit-current", Payloads.number(evaluate(variables, house.currentAmpsExpression()), 3));
        values.put(GRID_NODE + "/limit-power", Payloads.number(evaluate(variables, house.powerWattsExpression()), 1));
    }

    /** NaN for an empty expression (no limit) or one that cannot be computed now. */
    private static double evaluate(Variables variables, String expression) {
        if (expression.isEmpty()) {
            return Double.NaN;
        }
        try {
            return variables.evaluate(expression);
        } catch (InvalidExpressionException | RuntimeException e) {
            return Double.NaN;
        }
    }

    private void readEvses(List<Evse> evses, ChargingModes modes, ChargingPlans plans, List<HomieNode> nodes,
            Map<String, String> values, Map<String, String> evseIds) {
        Map<String, ChargingMode> modeById = modes == null ? Map.of() : modes.modes();
        Map<String, ChargingPlanStatus> planById = new HashMap<>();
        if (plans != null) {
            plans.plans().forEach(plan -> planById.put(plan.request().evseId(), plan));
        }
        Map<String, Evse> byId = new java.util.TreeMap<>();
        for (Evse evse : evses) {
            try {
                byId.put(evse.info().id(), evse);
            } catch (RuntimeException e) {
                // a driver going away
            }
        }
        Set<String> nodeIds = new HashSet<>();
        for (Evse evse : byId.values()) {
            EvseInfo info;
            EvseSnapshot snapshot;
            try {
                info = evse.info();
                snapshot = evse.snapshot();
            } catch (RuntimeException e) {
                continue;
            }
            String nodeId = uniqueNodeId("evse-", info.id(), nodeIds);
            if (nodeId == null || snapshot == null) {
                continue;
            }
            List<HomieProperty> properties = new ArrayList<>(List.of(
                    HomieProperty.choice("state", "State", STATES),
                    HomieProperty.floating("power", "Power", "W"),
                    HomieProperty.floating("current-l1", "Current L1", "A"),
                    HomieProperty.floating("current-l2", "Current L2", "A"),
                    HomieProperty.floating("current-l3", "Current L3", "A"),
                    HomieProperty.floating("limit", "Applied limit per phase", "A"),
                    HomieProperty.choice("limit-reason", "Reason for the limit", REASONS),
                    HomieProperty.text("limit-detail", "Limit detail"),
                    HomieProperty.floating("energy", "Energy register", "Wh"),
                    HomieProperty.floating("session-energy", "Session energy", "Wh"),
                    HomieProperty.text("id-tag", "User (ID tag)")));
            if (modes != null) {
                properties.add(HomieProperty.settableChoice(MODE_PROPERTY, "Charging mode", MODES));
                values.put(nodeId + "/" + MODE_PROPERTY, modeById.getOrDefault(info.id(), ChargingMode.FAST).name());
                evseIds.put(nodeId, info.id());
            }
            if (plans != null) {
                properties.add(HomieProperty.settableText(PLAN_PROPERTY, "Charging plan"));
                values.put(nodeId + "/" + PLAN_PROPERTY, planText(planById.get(info.id())));
                evseIds.put(nodeId, info.id());
            }
            nodes.add(new HomieNode(nodeId, info.name(), "evse", properties));
            String p = nodeId + "/";
            values.put(p + "state", snapshot.state() == null ? Payloads.NO_VALUE : snapshot.state().name());
            values.put(p + "power", Payloads.number(snapshot.powerWatts(), 1));
            PhaseCurrents grid = info.phaseRotation().toGrid(snapshot.currents());
            values.put(p + "current-l1", Payloads.amps(grid.l1Milliamps()));
            values.put(p + "current-l2", Payloads.amps(grid.l2Milliamps()));
            values.put(p + "current-l3", Payloads.amps(grid.l3Milliamps()));
            values.put(p + "limit", Payloads.amps(snapshot.appliedLimit().currentMilliamps()));
            values.put(p + "limit-reason", snapshot.appliedLimit().reason().name());
            values.put(p + "limit-detail", snapshot.appliedLimit().detail());
            values.put(p + "energy", Payloads.number(snapshot.energyWattHours(), 1));
            values.put(p + "session-energy", Payloads.number(sessionEnergy(info.id(), snapshot), 1));
            values.put(p + "id-tag", snapshot.idTag() == null ? "" : snapshot.idTag());
        }
        sessions.keySet().retainAll(byId.keySet());
    }

    /** {@code 20.0 kWh by 2026-12-07T06:00:00Z: PLANNED, 3.2 kWh charged}, or {@code none}. */
    static String planText(ChargingPlanStatus plan) {
        if (plan == null) {
            return "none";
        }
        String text = String.format(java.util.Locale.ROOT, "%.1f kWh by %s: %s, %.1f kWh charged",
                plan.request().energyWattHours() / 1000, plan.request().deadline(), plan.state(),
                plan.deliveredWattHours() / 1000);
        return plan.reason().isEmpty() ? text : text + " (" + plan.reason() + ")";
    }

    private double sessionEnergy(String evseId, EvseSnapshot snapshot) {
        Session session = sessions.computeIfAbsent(evseId, id -> new Session());
        boolean connected = snapshot.state() != null && snapshot.state().vehicleConnected();
        double register = snapshot.energyWattHours();
        if (connected && !session.connected) {
            session.startWattHours = register;
        }
        session.connected = connected;
        if (connected) {
            session.lastWattHours = Math.max(0, register - session.startWattHours);
        }
        return session.lastWattHours;
    }

    private void readMeters(List<Meter> meters, List<HomieNode> nodes, Map<String, String> values) {
        List<Meter> sorted = new ArrayList<>();
        for (Meter meter : meters) {
            try {
                meter.info();
                sorted.add(meter);
            } catch (RuntimeException e) {
                // a driver going away
            }
        }
        sorted.sort(Comparator.comparing(meter -> meter.info().id()));
        Set<String> nodeIds = new HashSet<>();
        for (Meter meter : sorted) {
            MeterInfo info;
            MeterReading reading;
            try {
                info = meter.info();
                reading = meter.reading();
            } catch (RuntimeException e) {
                continue;
            }
            String nodeId = uniqueNodeId("meter-", info.id(), nodeIds);
            if (nodeId == null) {
                continue;
            }
            nodes.add(new HomieNode(nodeId, info.name(), "meter-" + info.role().name().toLowerCase(java.util.Locale.ROOT),
                    List.of(
                    HomieProperty.floating("power", "Power", "W"),
                    HomieProperty.floating("current-l1", "Current L1", "A"),
                    HomieProperty.floating("current-l2", "Current L2", "A"),
                    HomieProperty.floating("current-l3", "Current L3", "A"),
                    HomieProperty.floating("energy-import", "Energy import", "Wh"),
                    HomieProperty.floating("energy-export", "Energy export", "Wh"))));
            if (reading == null) {
                continue;
            }
            String p = nodeId + "/";
            values.put(p + "power", Payloads.number(reading.powerWatts(), 1));
            values.put(p + "current-l1", Payloads.amps(reading.currents().l1Milliamps()));
            values.put(p + "current-l2", Payloads.amps(reading.currents().l2Milliamps()));
            values.put(p + "current-l3", Payloads.amps(reading.currents().l3Milliamps()));
            values.put(p + "energy-import", Payloads.number(reading.energyImportWattHours(), 1));
            values.put(p + "energy-export", Payloads.number(reading.energyExportWattHours(), 1));
        }
    }

    /** {@code prefix + id} as a Homie ID; {@code -2}, {@code -3} ... when two IDs map to the same. */
    private String uniqueNodeId(String prefix, String id, Set<String> taken) {
        String base = HomieIds.of(id);
        if (base.isEmpty()) {
            warnOnce(prefix + id, "MQTT: '{}' has no Homie ID (a-z, 0-9, -) and is not published", id);
            return null;
        }
        String nodeId = prefix + base;
        for (int i = 2; !taken.add(nodeId); i++) {
            nodeId = prefix + base + "-" + i;
        }
        return nodeId;
    }

    private void warnOnce(String key, String message, Object... arguments) {
        if (warned.add(key)) {
            LOG.warn(message, arguments);
        }
    }
}
