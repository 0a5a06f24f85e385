package org.chargingmanager.web.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.ZonedDateTime;
import java.util.Optional;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.plan.ChargingPlanRequest;
import org.chargingmanager.api.plan.ChargingPlanStatus;
import org.chargingmanager.api.plan.ChargingPlans;
import org.chargingmanager.api.plan.PlannedSlot;
import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.web.internal.i18n.Messages;
import org.chargingmanager.web.internal.i18n.PlanMessages;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The charging plans ("20 kWh by 07:00"):
 * <ul>
 * <li>{@code GET /api/v1/charging-plans}: {@code {"plans":[...]}}, each plan with its state</li>
 * <li>{@code GET /api/v1/charging-plans/ID}: one (404 if the charging point has none)</li>
 * <li>{@code PUT /api/v1/charging-plans/ID} with {@code {"energyKilowattHours":20,"deadline":"07:00"}}
 * or {@code {"socPercent":35,"targetSocPercent":80,"batteryCapacityKilowattHours":60,"deadline":"..."}}:
 * sets it</li>
 * <li>{@code DELETE /api/v1/charging-plans/ID}: removes it (204, or 404)</li>
 * </ul>
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-charging-plans")
@HttpWhiteboardServletPattern({ "/api/v1/charging-plans", "/api/v1/charging-plans/*" })
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class ChargingPlanServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ChargingPlanServlet.class);
    private static final String USAGE = "PUT /api/v1/charging-plans/ID with {\"energyKilowattHours\": 20, \"deadline\": \"07:00\"}";

    private final transient ChargingPlans plans;
    private final transient Clock clock;

    @Activate
    public ChargingPlanServlet(@Reference ChargingPlans plans) {
        this(plans, Clock.systemDefaultZone());
    }

    ChargingPlanServlet(ChargingPlans plans, Clock clock) {
        this.plans = plans;
        this.clock = clock;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String evseId = JsonResponses.pathId(request);
        if (evseId == null) {
            JsonArray all = new JsonArray();
            plans.plans().forEach(status -> all.add(json(status)));
            JsonObject body = new JsonObject();
            body.add("plans", all);
            JsonResponses.write(response, HttpServletResponse.SC_OK, body);
            return;
        }
        Optional<ChargingPlanStatus> status = plans.plan(evseId);
        if (status.isEmpty()) {
            JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, noPlan(evseId));
        } else {
            JsonResponses.write(response, HttpServletResponse.SC_OK, json(status.get()));
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String evseId = JsonResponses.pathId(request);
        if (evseId == null || evseId.isBlank()) {
            JsonResponses.fieldError(response, "evseId", JsonResponses.pathIdMissing(USAGE));
            return;
        }
        ChargingPlanRequest planRequest;
        try {
            planRequest = planRequest(evseId, JsonResponses.readObject(request), ZonedDateTime.now(clock));
        } catch (JsonResponses.BadRequestException e) {
            JsonResponses.badRequest(response, e);
            return;
        }
        try {
            ChargingPlanStatus status = plans.setPlan(planRequest, user(request));
            JsonResponses.write(response, HttpServletResponse.SC_OK, json(status));
        } catch (IllegalArgumentException e) {
            JsonResponses.fieldError(response, "deadline", PlanMessages.of(e.getMessage()));
        } catch (IOException e) {
            LOG.warn("Charging plan of {} not stored: {}", evseId, e.getMessage());
            JsonResponses.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    UserMessage.of("plan.notStored", "the plan cannot be stored now"));
        }
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String evseId = JsonResponses.pathId(request);
        if (evseId == null || evseId.isBlank()) {
            JsonResponses.fieldError(response, "evseId",
                    JsonResponses.pathIdMissing("DELETE /api/v1/charging-plans/ID"));
            return;
        }
        try {
            if (plans.removePlan(evseId, user(request))) {
                response.setStatus(HttpServletResponse.SC_NO_CONTENT);
            } else {
                JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, noPlan(evseId));
            }
        } catch (IOException e) {
            LOG.warn("Charging plan of {} not removed: {}", evseId, e.getMessage());
            JsonResponses.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    UserMessage.of("plan.notStored", "the plan cannot be stored now"));
        }
    }

    /** The request from a PUT body: the energy, or a state of charge and a target. */
    static ChargingPlanRequest planRequest(String evseId, JsonObject body, ZonedDateTime now) {
        java.time.Instant deadline;
        try {
            deadline = ChargingPlanRequest.deadlineFrom(JsonResponses.string(body, "deadline"), now);
        } catch (JsonResponses.FieldException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw new JsonResponses.FieldException("deadline", PlanMessages.of(e.getMessage()));
        }
        Double energy = number(body, "energyKilowattHours");
        Double target = number(body, "targetSocPercent");
        if (energy != null) {
            try {
                return new ChargingPlanRequest(evseId, energy * 1000, deadline);
            } catch (IllegalArgumentException e) {
                throw new JsonResponses.FieldException("energyKilowattHours", PlanMessages.of(e.getMessage()));
            }
        }
        if (target != null) {
            Double soc = number(body, "socPercent");
            Double capacity = number(body, "batteryCapacityKilowattHours");
            if (soc == null || capacity == null) {
                throw new JsonResponses.FieldException(soc == null ? "socPercent" : "batteryCapacityKilowattHours",
                        UserMessage.of("plan.socNeeded", "a target state of charge needs the car's state of charge "
                                + "(socPercent) and its battery capacity (batteryCapacityKilowattHours); or give "
                                + "energyKilowattHours"));
            }
            try {
                return ChargingPlanRequest.forStateOfCharge(evseId, soc, target, capacity * 1000, deadline);
            } catch (IllegalArgumentException e) {
                throw new JsonResponses.FieldException("targetSocPercent", PlanMessages.of(e.getMessage()));
            }
        }
        throw new JsonResponses.FieldException("energyKilowattHours", UserMessage.of("plan.energyNeeded",
                "give energyKilowattHours, or targetSocPercent with socPercent and batteryCapacityKilowattHours"));
    }

    private static Double number(JsonObject body, String name) {
        JsonElement element = body.get(name);
        if (element == null || element.isJsonNull()) {
            return null;
        }
        if (!element.isJsonPrimitive() || !element.getAsJsonPrimitive().isNumber()) {
            throw new JsonResponses.FieldException(name, UserMessage.of("value.notNumber", name + " must be a number", name));
        }
        double value = element.getAsDouble();
        if (!Double.isFinite(value)) {
            throw new JsonResponses.FieldException(name, UserMessage.of("value.notNumber", name + " must be a finite number", name));
        }
        return value;
    }

    static JsonObject json(ChargingPlanStatus status) {
        JsonObject body = new JsonObject();
        body.addProperty("evseId", status.request().evseId());
        body.addProperty("energyKilowattHours", round(status.request().energyWattHours() / 1000));
        body.addProperty("deadline", status.request().deadline().toString());
        body.addProperty("state", status.state().name());
        body.addProperty("reason", status.reason());
        if (status.state() == org.chargingmanager.api.plan.PlanState.NOT_FEASIBLE && status.reason() != null
                && !status.reason().isEmpty()) {
            body.add("reasonMessage", Messages.json(PlanMessages.of(status.reason())));
        }
        body.addProperty("deliveredKilowattHours", round(status.deliveredWattHours() / 1000));
        body.addProperty("plannedKilowattHours", round(status.plannedWattHours() / 1000));
        if (!Double.isNaN(status.expectedCost())) {
            body.addProperty("expectedCost", Math.round(status.expectedCost() * 100) / 100.0);
            body.addProperty("currency", status.currency());
        }
        if (status.plannedAt() != null) {
            body.addProperty("plannedAt", status.plannedAt().toString());
        }
        JsonArray slots = new JsonArray();
        for (PlannedSlot slot : status.slots()) {
            JsonObject one = new JsonObject();
            one.addProperty("start", slot.start().toString());
            one.addProperty("end", slot.end().toString());
            one.addProperty("currentAmps", slot.currentMilliamps() / 1000.0);
            one.addProperty("energyKilowattHours", round(slot.energyWattHours() / 1000));
            if (!Double.isNaN(slot.pricePerKilowattHour())) {
                one.addProperty("pricePerKilowattHour", slot.pricePerKilowattHour());
            }
            slots.add(one);
        }
        body.add("slots", slots);
        return body;
    }

    private static UserMessage noPlan(String evseId) {
        return UserMessage.of("plan.none", "charging point " + evseId + " has no plan", evseId);
    }

    private static double round(double kilowattHours) {
        return Math.round(kilowattHours * 1000) / 1000.0;
    }

    private static String user(HttpServletRequest request) {
        return String.valueOf(request.getAttribute(WebContext.USER_ATTRIBUTE));
    }
}
