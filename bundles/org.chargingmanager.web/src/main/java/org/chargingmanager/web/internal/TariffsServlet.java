package org.chargingmanager.web.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.api.tariff.Tariff;
import org.osgi.framework.Constants;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * What the configured tariffs know, so a failing price source shows:
 * <ul>
 * <li>{@code GET /api/v1/tariffs}: {@code {"selected":"awattar","tariffs":[{"id":"awattar",
 * "ranking":0,"selected":true,"currency":"EUR","fetchedAt":"...","problem":"api.awattar.de: HTTP 503",
 * "slots":24,"knownUntil":"...","importPricePerKilowattHourNow":0.21}]}}; {@code problem} is empty
 * while the source answers, else why the last refresh failed (the slots are then the last good
 * ones)</li>
 * <li>{@code GET /api/v1/tariffs/ID}: the same for one tariff with its slots from now on</li>
 * </ul>
 * The site uses the tariff with the highest {@code service.ranking}, at equal ranking the one
 * registered first.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-tariffs")
@HttpWhiteboardServletPattern({ "/api/v1/tariffs", "/api/v1/tariffs/*" })
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class TariffsServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    /** A registered tariff with what orders it. */
    record Registered(Tariff tariff, int ranking, long serviceId) {
    }

    private final transient Map<Tariff, Registered> tariffs = new ConcurrentHashMap<>();
    private final transient Clock clock = Clock.systemUTC();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    void addTariff(Tariff tariff, Map<String, Object> properties) {
        Object ranking = properties.get(Constants.SERVICE_RANKING);
        Object id = properties.get(Constants.SERVICE_ID);
        tariffs.put(tariff, new Registered(tariff, ranking instanceof Integer number ? number : 0,
                id instanceof Long number ? number : Long.MAX_VALUE));
    }

    void removeTariff(Tariff tariff) {
        tariffs.remove(tariff);
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        List<Registered> ordered = ordered(tariffs.values());
        String path = request.getPathInfo();
        String wanted = path == null || path.equals("/") ? null : path.substring(1);
        Instant now = clock.instant();
        if (wanted == null) {
            JsonResponses.write(response, HttpServletResponse.SC_OK, all(ordered, now));
            return;
        }
        for (Registered registered : ordered) {
            if (registered.tariff().id().equals(wanted)) {
                JsonObject one = json(registered, registered == ordered.get(0), now);
                JsonArray slots = new JsonArray();
                for (PriceSlot slot : forecast(registered.tariff()).from(now)) {
                    JsonObject s = new JsonObject();
                    s.addProperty("start", slot.start().toString());
                    s.addProperty("end", slot.end().toString());
                    s.addProperty("importPricePerKilowattHour", slot.importPricePerKilowattHour());
                    if (Double.isFinite(slot.feedInPricePerKilowattHour())) {
                        s.addProperty("feedInPricePerKilowattHour", slot.feedInPricePerKilowattHour());
                    }
                    slots.add(s);
                }
                one.add("forecast", slots);
                JsonResponses.write(response, HttpServletResponse.SC_OK, one);
                return;
            }
        }
        JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND,
                org.chargingmanager.api.platform.UserMessage.of("tariff.unknown", "no tariff '" + wanted + "'", wanted));
    }

    /** The site's choice first: highest ranking, then registered first. */
    static List<Registered> ordered(Iterable<Registered> registered) {
        List<Registered> list = new ArrayList<>();
        registered.forEach(list::add);
        list.sort(Comparator.comparingInt(Registered::ranking).reversed().thenComparingLong(Registered::serviceId));
        return list;
    }

    static JsonObject all(List<Registered> ordered, Instant now) {
        JsonObject body = new JsonObject();
        body.addProperty("selected", ordered.isEmpty() ? null : ordered.get(0).tariff().id());
        JsonArray list = new JsonArray();
        for (Registered registered : ordered) {
            list.add(json(registered, registered == ordered.get(0), now));
        }
        body.add("tariffs", list);
        return body;
    }

    static JsonObject json(Registered registered, boolean selected, Instant now) {
        PriceForecast forecast = forecast(registered.tariff());
        JsonObject json = new JsonObject();
        json.addProperty("id", registered.tariff().id());
        json.addProperty("ranking", registered.ranking());
        json.addProperty("selected", selected);
        json.addProperty("currency", forecast.currency());
        json.addProperty("fetchedAt", forecast.fetchedAt() == null ? null : forecast.fetchedAt().toString());
        json.addProperty("problem", forecast.problem());
        json.addProperty("slots", forecast.slots().size());
        json.addProperty("knownUntil", forecast.slots().isEmpty() ? null
                : forecast.slots().get(forecast.slots().size() - 1).end().toString());
        json.addProperty("importPricePerKilowattHourNow",
                forecast.slotAt(now).map(PriceSlot::importPricePerKilowattHour).orElse(null));
        return json;
    }

    private static PriceForecast forecast(Tariff tariff) {
        try {
            PriceForecast forecast = tariff.forecast();
            return forecast == null ? PriceForecast.empty("", "the tariff gave no forecast") : forecast;
        } catch (RuntimeException e) {
            return PriceForecast.empty("", "the tariff failed: " + e);
        }
    }
}
