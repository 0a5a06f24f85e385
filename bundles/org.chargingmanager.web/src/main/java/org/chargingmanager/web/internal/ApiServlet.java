package org.chargingmanager.web.internal;

import java.io.IOException;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseDirectory;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.meter.Meter;
import org.chargingmanager.api.meter.MeterReading;
import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.platform.WebContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;

/**
 * Read-only JSON API for the web UI and home automation:
 * {@code /api/v1/evses[/ID]}, {@code /api/v1/meters[/ID]} (the variables are {@link VariablesServlet}'s).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-api")
@HttpWhiteboardServletPattern({ "/api/v1/evses", "/api/v1/evses/*", "/api/v1/meters", "/api/v1/meters/*" })
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class ApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient EvseDirectory evses;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final transient List<Meter> meters = new CopyOnWriteArrayList<>();

    @Activate
    public ApiServlet(@Reference EvseDirectory evses) {
        this.evses = evses;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        String[] parts = path.replaceAll("/+$", "").split("/");
        // "", "api", "v1", collection[, id]
        if (parts.length < 4 || parts.length > 5) {
            JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, JsonResponses.notFound(request));
            return;
        }
        String collection = parts[3];
        Optional<String> id = parts.length == 5 ? Optional.of(parts[4]) : Optional.empty();
        switch (collection) {
            case "evses" -> answer(response, id,
                    key -> UserMessage.of("evse.unknown", "no charging point '" + key + "'", key), () -> evses.evses().stream()
                    .sorted(Comparator.comparing(evse -> evse.info().id())).map(ApiServlet::evseJson).toList(),
                    key -> evses.find(key).map(ApiServlet::evseJson));
            case "meters" -> answer(response, id,
                    key -> UserMessage.of("meter.unknown", "no meter '" + key + "'", key), () -> meters.stream()
                    .sorted(Comparator.comparing(meter -> meter.info().id())).map(ApiServlet::meterJson).toList(),
                    key -> meters.stream().filter(meter -> meter.info().id().equals(key)).findFirst().map(ApiServlet::meterJson));
            default -> JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, JsonResponses.notFound(request));
        }
    }

    private interface Listing {
        List<JsonObject> all();
    }

    private interface Lookup {
        Optional<JsonObject> find(String id);
    }

    private static void answer(HttpServletResponse response, Optional<String> id,
            java.util.function.Function<String, UserMessage> notFound, Listing listing,
            Lookup lookup) throws IOException {
        if (id.isPresent()) {
            Optional<JsonObject> found = lookup.find(id.get());
            if (found.isPresent()) {
                JsonResponses.write(response, HttpServletResponse.SC_OK, found.get());
            } else {
                JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, notFound.apply(id.get()));
            }
            return;
        }
        JsonArray array = new JsonArray();
        listing.all().forEach(array::add);
        JsonResponses.write(response, HttpServletResponse.SC_OK, array);
    }

    static JsonObject evseJson(Evse evse) {
        EvseInfo info = evse.info();
        EvseSnapshot snapshot = evse.snapshot();
        JsonObject json = new JsonObject();
        json.addProperty("id", info.id());
        json.addProperty("name", info.name());
        json.addProperty("driver", info.driver());
        json.addProperty("address", info.address());
        json.addProperty("connectorId", info.connectorId());
        json.addProperty("phases", info.phases());
        json.addProperty("phaseRotation", info.phaseRotation().name());
        json.add("minCurrentAmps", VariablesJson.number(info.minCurrentMilliamps() / 1000.0));
        json.add("maxCurrentAmps", VariablesJson.number(info.maxCurrentMilliamps() / 1000.0));
        json.add("device", identityJson(info.identity()));
        JsonObject capabilities = new JsonObject();
        capabilities.addProperty("phaseSwitching", info.capabilities().phaseSwitching());
        capabilities.add("currentResolutionAmps",
                VariablesJson.number(info.capabilities().currentResolutionMilliamps() / 1000.0));
        capabilities.addProperty("reportsIdTag", info.capabilities().reportsIdTag());
        capabilities.addProperty("recordsOwnSessions", info.capabilities().recordsOwnSessions());
        capabilities.addProperty("deliversSignedReadings", info.capabilities().deliversSignedReadings());
        json.add("capabilities", capabilities);
        if (snapshot == null) {
            json.addProperty("state", "OFFLINE");
            return json;
        }
        json.addProperty("state", snapshot.state().name());
        json.addProperty("timestamp", snapshot.measuredAt() == null ? null : snapshot.measuredAt().toString());
        json.addProperty("seenAt", snapshot.seenAt() == null ? null : snapshot.seenAt().toString());
        json.addProperty("phasesInUse", snapshot.phasesInUse());
        json.add("currentAmps", currents(snapshot.currents()));
        json.add("powerWatts", VariablesJson.number(Math.round(snapshot.powerWatts() * 10) / 10.0));
        json.add("energyWattHours", VariablesJson.number(Math.round(snapshot.energyWattHours() * 10) / 10.0));
        json.add("idTag", snapshot.idTag() == null ? JsonNull.INSTANCE : new com.google.gson.JsonPrimitive(snapshot.idTag()));
        JsonObject limit = new JsonObject();
        limit.add("currentAmps", VariablesJson.number(snapshot.appliedLimit().currentMilliamps() / 1000.0));
        limit.addProperty("reason", snapshot.appliedLimit().reason().name());
        limit.addProperty("detail", snapshot.appliedLimit().detail());
        json.add("limit", limit);
        return json;
    }

    static JsonObject meterJson(Meter meter) {
        JsonObject json = new JsonObject();
        json.addProperty("id", meter.info().id());
        json.addProperty("name", meter.info().name());
        json.addProperty("driver", meter.info().driver());
        json.addProperty("role", meter.info().role().name());
        json.add("device", identityJson(meter.info().identity()));
        MeterReading reading = meter.reading();
        if (reading == null) {
            return json;
        }
        json.addProperty("timestamp", reading.timestamp() == null ? null : reading.timestamp().toString());
        json.add("powerWatts", VariablesJson.number(Math.round(reading.powerWatts() * 10) / 10.0));
        JsonObject powers = new JsonObject();
        powers.add("l1", VariablesJson.number(Math.round(reading.powers().l1Watts() * 10) / 10.0));
        powers.add("l2", VariablesJson.number(Math.round(reading.powers().l2Watts() * 10) / 10.0));
        powers.add("l3", VariablesJson.number(Math.round(reading.powers().l3Watts() * 10) / 10.0));
        json.add("powerWattsPerPhase", powers);
        json.add("currentAmps", currents(reading.currents()));
        JsonObject voltages = new JsonObject();
        voltages.add("l1", VariablesJson.number(reading.voltages().l1Volts()));
        voltages.add("l2", VariablesJson.number(reading.voltages().l2Volts()));
        voltages.add("l3", VariablesJson.number(reading.voltages().l3Volts()));
        json.add("voltageVolts", voltages);
        json.add("energyImportWattHours", VariablesJson.number(Math.round(reading.energyImportWattHours() * 10) / 10.0));
        json.add("energyExportWattHours", VariablesJson.number(Math.round(reading.energyExportWattHours() * 10) / 10.0));
        return json;
    }

    private static JsonObject identityJson(DeviceIdentity identity) {
        JsonObject json = new JsonObject();
        json.addProperty("vendor", identity.vendor());
        json.addProperty("model", identity.model());
        json.addProperty("serialNumber", identity.serialNumber());
        json.addProperty("firmwareVersion", identity.firmwareVersion());
        return json;
    }

    private static JsonElement currents(PhaseCurrents currents) {
        JsonObject json = new JsonObject();
        json.add("l1", VariablesJson.number(currents.l1Milliamps() / 1000.0));
        json.add("l2", VariablesJson.number(currents.l2Milliamps() / 1000.0));
        json.add("l3", VariablesJson.number(currents.l3Milliamps() / 1000.0));
        return json;
    }
}
