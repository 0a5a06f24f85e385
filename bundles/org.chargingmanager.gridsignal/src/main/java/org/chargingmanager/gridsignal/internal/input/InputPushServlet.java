package org.chargingmanager.gridsignal.internal.input;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

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
 * {@code GET or POST /api/v1/grid/inputs/ID/CONTACT?state=closed|open} (also 1/0, on/off, true/false): a device
 * such as a Shelly reports a contact of an input of the kind HTTP (admin account, as every state change).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-grid-inputs")
@HttpWhiteboardServletPattern("/api/v1/grid/inputs/*")
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class InputPushServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(InputPushServlet.class);

    private final transient PushedContacts pushed;

    @Activate
    public InputPushServlet(@Reference PushedContacts pushed) {
        this.pushed = pushed;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        doPost(request, response);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        String[] parts = path.split("/");
        if (parts.length != 3) {
            reject(request, response, 404, "use /api/v1/grid/inputs/ID/CONTACT?state=closed|open");
            return;
        }
        int contact;
        try {
            contact = Integer.parseInt(parts[2]);
        } catch (NumberFormatException e) {
            reject(request, response, 400, "the contact must be a number (1, 2, 3), not '" + parts[2] + "'");
            return;
        }
        String state = request.getParameter("state");
        Boolean closed = state == null ? null : switch (state.trim().toLowerCase(Locale.ROOT)) {
        case "closed", "1", "on", "true" -> Boolean.TRUE;
        case "open", "0", "off", "false" -> Boolean.FALSE;
        default -> null;
        };
        if (closed == null) {
            reject(request, response, 400, "parameter 'state' must be closed or open (1/0, on/off, true/false), not '"
                    + state + "'");
            return;
        }
        try {
            pushed.push(parts[1], contact, closed);
        } catch (IllegalArgumentException e) {
            reject(request, response, 404, e.getMessage());
            return;
        }
        LOG.debug("Grid signal input '{}': contact {} {} from {}", parts[1], contact, closed ? "closed" : "open",
                request.getRemoteAddr());
        JsonObject body = new JsonObject();
        body.addProperty("input", parts[1]);
        body.addProperty("contact", contact);
        body.addProperty("closed", closed);
        write(response, 200, body);
    }

    /** Refusals already logged (client and message), so a device repeating a bad call fills no log. */
    private static final java.util.Set<String> LOGGED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static void reject(HttpServletRequest request, HttpServletResponse response, int status, String message)
            throws IOException {
        if (LOGGED.size() > 1000) {
            LOGGED.clear();
        }
        if (LOGGED.add(request.getRemoteAddr() + " " + message)) {
            LOG.warn("Grid signal inputs: rejected {} {} from {}: {}", request.getMethod(), request.getPathInfo(),
                    request.getRemoteAddr(), message);
        }
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        write(response, status, body);
    }

    private static void write(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
    }
}
