package org.chargingmanager.web.internal;

import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.evse.ChargingMode;
import org.chargingmanager.api.evse.ChargingModes;
import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.platform.WebContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonObject;

/**
 * The charging mode of each charging point:
 * <ul>
 * <li>{@code GET /api/v1/charging-modes}: {@code {"modes":{"demo1-1":"PV_ONLY",...}}} for every
 * charging point with settings (the others charge FAST)</li>
 * <li>{@code GET /api/v1/charging-modes/ID}: {@code {"evseId":"demo1-1","mode":"FAST"}}</li>
 * <li>{@code PUT /api/v1/charging-modes/ID} with {@code {"mode":"PV_ONLY"}}: sets it (FAST,
 * MIN_PV, PV_ONLY, OFF); stored in the charging point's settings</li>
 * </ul>
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-charging-modes")
@HttpWhiteboardServletPattern({ "/api/v1/charging-modes", "/api/v1/charging-modes/*" })
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class ChargingModeServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ChargingModeServlet.class);
    private static final String MODES = Arrays.toString(ChargingMode.values());

    private final transient ChargingModes modes;

    @Activate
    public ChargingModeServlet(@Reference ChargingModes modes) {
        this.modes = modes;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String evseId = JsonResponses.pathId(request);
        if (evseId == null) {
            JsonObject all = new JsonObject();
            for (Map.Entry<String, ChargingMode> entry : modes.modes().entrySet()) {
                all.addProperty(entry.getKey(), entry.getValue().name());
            }
            JsonObject body = new JsonObject();
            body.add("modes", all);
            JsonResponses.write(response, HttpServletResponse.SC_OK, body);
        } else {
            JsonResponses.write(response, HttpServletResponse.SC_OK, one(evseId, modes.mode(evseId)));
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String evseId = JsonResponses.pathId(request);
        if (evseId == null || evseId.isBlank()) {
            JsonResponses.fieldError(response, "evseId",
                    JsonResponses.pathIdMissing("PUT /api/v1/charging-modes/ID with {\"mode\": \"PV_ONLY\"}"));
            return;
        }
        ChargingMode mode;
        try {
            mode = mode(JsonResponses.string(JsonResponses.readObject(request), "mode"));
        } catch (JsonResponses.BadRequestException e) {
            JsonResponses.badRequest(response, e);
            return;
        }
        try {
            modes.setMode(evseId, mode, String.valueOf(request.getAttribute(WebContext.USER_ATTRIBUTE)));
        } catch (IOException e) {
            LOG.warn("Charging mode of {} not stored: {}", evseId, e.getMessage());
            JsonResponses.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE,
                    UserMessage.of("settings.notStored", "the settings cannot be stored now"));
            return;
        }
        JsonResponses.write(response, HttpServletResponse.SC_OK, one(evseId, mode));
    }

    /** The mode a request names (case and spaces do not matter). */
    static ChargingMode mode(String text) {
        try {
            return ChargingMode.valueOf(text == null ? "" : text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new JsonResponses.FieldException("mode", UserMessage.of("mode.unknown",
                    "'" + text + "' is not a charging mode; use one of " + MODES, String.valueOf(text), MODES));
        }
    }

    private static JsonObject one(String evseId, ChargingMode mode) {
        JsonObject body = new JsonObject();
        body.addProperty("evseId", evseId);
        body.addProperty("mode", mode.name());
        return body;
    }
}
