package org.chargingmanager.web.internal;

import java.io.IOException;
import java.util.Collection;
import java.util.Comparator;
import java.util.Dictionary;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseDirectory;
import org.chargingmanager.api.plan.ChargingPlanStatus;
import org.chargingmanager.api.plan.ChargingPlans;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.meter.MeterRole;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variables;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonArray;

/**
 * What the dashboard shows, as one JSON object: every charging point (with its open session
 * from the transaction log, if there is one) and meter, the house
 * connection (its limits computed from the load manager's formulas, the grid meter's use per
 * phase), the sum of charging power, and the variables. The live stream sends it whenever it
 * changes.
 */
@Component(service = SiteView.class)
public class SiteView {

    static final String LOAD_MANAGER_PID = "org.chargingmanager.core.loadmanager";
    /** The load manager's defaults when it has no configuration (see LoadManagerConfig). */
    static final String DEFAULT_CURRENT_EXPRESSION = "35";

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<Meter> meters = new CopyOnWriteArrayList<>();

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ConfigurationAdmin configurationAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile TransactionLog transactionLog;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile ChargingPlans chargingPlans;

    private final Variables variables;
    /** The charging points: a live view of the {@link EvseDirectory}. */
    private final Collection<Evse> evses;
    private final OpenSessions openSessions = new OpenSessions(() -> transactionLog, java.time.Clock.systemUTC());

    @Activate
    public SiteView(@Reference Variables variables, @Reference EvseDirectory evseDirectory) {
        this.variables = variables;
        this.evses = evseDirectory.evses();
    }

    /** Total power of all charging points and the grid meter's power, in W; NaN if there is no grid meter. */
    record Powers(double gridWatts, double chargingWatts) {
    }

    Powers powers() {
        double charging = 0;
        for (Evse evse : evses) {
            EvseSnapshot snapshot = evse.snapshot();
            if (snapshot != null && Double.isFinite(snapshot.powerWatts())) {
                charging += snapshot.powerWatts();
            }
        }
        double grid = gridMeter(loadManagerSetting("gridMeterId", ""))
                .map(Meter::reading).map(MeterReading::powerWatts).orElse(Double.NaN);
        return new Powers(grid, charging);
    }

    JsonObject json() {
        JsonObject json = new JsonObject();
        JsonArray evseArray = new JsonArray();
        Map<String, ChargingPlanStatus> plans = new HashMap<>();
        ChargingPlans planService = chargingPlans;
        if (planService != null) {
            planService.plans().forEach(plan -> plans.put(plan.request().evseId(), plan));
        }
        evses.stream().sorted(Comparator.comparing(evse -> evse.info().id())).map(evse -> evseJson(evse, plans))
                .forEach(evseArray::add);
        json.add("evses", evseArray);
        JsonArray meterArray = new JsonArray();
        meters.stream().sorted(Comparator.comparing(meter -> meter.info().id())).map(ApiServlet::meterJson)
                .forEach(meterArray::add);
        json.add("meters", meterArray);
        json.add("variables", VariablesJson.of(variables.list()).get("vars"));
        json.add("house", house());
        return json;
    }

    /** The API's charging point, with its open session (user, the energy since it started) and its plan. */
    private JsonObject evseJson(Evse evse, Map<String, ChargingPlanStatus> plans) {
        JsonObject json = ApiServlet.evseJson(evse);
        ChargingPlanStatus plan = plans.get(evse.info().id());
        if (plan != null) {
            json.add("plan", ChargingPlanServlet.json(plan));
        }
        Optional<Transaction> open = openSessions.find(evse.info().id());
        if (open.isPresent()) {
            Transaction transaction = open.get();
            JsonObject session = new JsonObject();
            session.addProperty("transactionId", transaction.id());
            session.addProperty("userId", transaction.userId());
            session.addProperty("idTag", transaction.idTag());
            session.addProperty("start", transaction.start().toString());
            EvseSnapshot snapshot = evse.snapshot();
            if (snapshot != null && Double.isFinite(snapshot.energyWattHours())) {
                double energy = Math.max(0, snapshot.energyWattHours() - transaction.meterStartWattHours());
                session.add("energyWattHours", VariablesJson.number(Math.round(energy * 10) / 10.0));
            }
            json.add("session", session);
        }
        return json;
    }

    private JsonObject house() {
        JsonObject house = new JsonObject();
        String currentExpression = loadManagerSetting("houseConnectionCurrentAmps", DEFAULT_CURRENT_EXPRESSION);
        String powerExpression = loadManagerSetting("houseConnectionPowerWatts", "");
        house.addProperty("currentExpression", currentExpression);
        house.addProperty("powerExpression", powerExpression);
        house.add("currentLimitAmps", evaluate(currentExpression, house, "currentError"));
        house.add("powerLimitWatts", evaluate(powerExpression, house, "powerError"));
        Powers powers = powers();
        house.add("chargingPowerWatts", VariablesJson.number(Math.round(powers.chargingWatts() * 10) / 10.0));
        Optional<Meter> grid = gridMeter(loadManagerSetting("gridMeterId", ""));
        house.addProperty("gridMeterId", grid.map(meter -> meter.info().id()).orElse(null));
        MeterReading reading = grid.map(Meter::reading).orElse(null);
        if (reading != null) {
            house.add("gridPowerWatts", VariablesJson.number(Math.round(reading.powerWatts() * 10) / 10.0));
            JsonObject currents = new JsonObject();
            currents.add("l1", VariablesJson.number(reading.currents().l1Milliamps() / 1000.0));
            currents.add("l2", VariablesJson.number(reading.currents().l2Milliamps() / 1000.0));
            currents.add("l3", VariablesJson.number(reading.currents().l3Milliamps() / 1000.0));
            house.add("currentAmps", currents);
        }
        return house;
    }

    private com.google.gson.JsonElement evaluate(String expression, JsonObject house, String errorField) {
        if (expression == null || expression.isBlank()) {
            return JsonNull.INSTANCE;
        }
        try {
            double value = variables.evaluate(expression);
            return Double.isFinite(value) ? VariablesJson.number(Math.round(value * 10) / 10.0) : JsonNull.INSTANCE;
        } catch (InvalidExpressionException e) {
            house.addProperty(errorField, e.getMessage());
            return JsonNull.INSTANCE;
        }
    }

    private Optional<Meter> gridMeter(String configuredId) {
        return meters.stream()
                .filter(meter -> configuredId.isEmpty() ? meter.info().role() == MeterRole.GRID
                        : meter.info().id().equals(configuredId))
                .min(Comparator.comparing(meter -> meter.info().id()));
    }

    private String loadManagerSetting(String key, String fallback) {
        ConfigurationAdmin admin = configurationAdmin;
        if (admin == null) {
            return fallback;
        }
        try {
            Configuration[] found = admin.listConfigurations("(service.pid=" + LOAD_MANAGER_PID + ")");
            if (found == null || found.length == 0) {
                return fallback;
            }
            Dictionary<String, Object> properties = found[0].getProperties();
            Object value = properties == null ? null : properties.get(key);
            return value == null ? fallback : value.toString();
        } catch (IOException | org.osgi.framework.InvalidSyntaxException e) {
            return fallback;
        }
    }
}
