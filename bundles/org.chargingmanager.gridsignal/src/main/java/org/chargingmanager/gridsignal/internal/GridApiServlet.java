package org.chargingmanager.gridsignal.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.grid.GridLogException;
import org.chargingmanager.api.grid.GridSignals;
import org.chargingmanager.api.grid.Restriction;
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
 * The grid operator's read-only view (admin account):
 * <ul>
 * <li>{@code GET /api/v1/grid/restrictions.csv?from=&to=}: the restriction log as CSV</li>
 * <li>{@code GET /api/v1/grid/restrictions?from=&to=}: the same as JSON</li>
 * <li>{@code GET /api/v1/grid/sources}: every grid-signal source, its value, liveness and failsafe state</li>
 * </ul>
 * {@code from} and {@code to} are ISO instants ({@code 2026-12-06T22:00:00Z}) or dates ({@code 2026-12-06}, local
 * midnight; {@code to} is exclusive); by default the last 3 years.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-grid-signals")
@HttpWhiteboardServletPattern("/api/v1/grid/*")
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class GridApiServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(GridApiServlet.class);

    private final transient GridSignals signals;

    @Activate
    public GridApiServlet(@Reference GridSignals signals) {
        this.signals = signals;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String path = request.getPathInfo() == null ? "" : request.getPathInfo();
        switch (path) {
        case "/restrictions.csv":
        case "/restrictions":
            restrictions(request, response, path.endsWith(".csv"));
            break;
        case "/sources":
            json(response, 200, RestrictionFormats.status(signals.status()));
            break;
        default:
            error(response, 404, "no such resource: use /api/v1/grid/restrictions.csv, /restrictions or /sources");
        }
    }

    private void restrictions(HttpServletRequest request, HttpServletResponse response, boolean csv)
            throws IOException {
        Instant now = Instant.now();
        Instant from;
        Instant to;
        try {
            from = time(request, "from", now.minus(Duration.ofDays(3 * 366)));
            to = time(request, "to", now.plus(Duration.ofDays(1)));
        } catch (IllegalArgumentException e) {
            LOG.warn("Grid API: rejected {} from {}: {}", request.getQueryString(), request.getRemoteAddr(),
                    e.getMessage());
            error(response, 400, e.getMessage());
            return;
        }
        if (!from.isBefore(to)) {
            error(response, 400, "'from' must be before 'to'");
            return;
        }
        List<Restriction> list;
        try {
            list = signals.restrictions(from, to);
        } catch (GridLogException e) {
            LOG.warn("Grid API: {}", e.getMessage());
            error(response, 503, "the restriction log cannot be read now");
            return;
        }
        if (csv) {
            response.setStatus(200);
            response.setContentType("text/csv; charset=utf-8");
            response.setHeader("Content-Disposition", "attachment; filename=\"grid-restrictions.csv\"");
            response.getOutputStream().write(RestrictionFormats.csv(list).getBytes(StandardCharsets.UTF_8));
        } else {
            json(response, 200, RestrictionFormats.json(list));
        }
    }

    static Instant time(HttpServletRequest request, String name, Instant fallback) {
        String value = request.getParameter(name);
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return value.length() == 10 ? LocalDate.parse(value).atStartOfDay(ZoneId.systemDefault()).toInstant()
                    : Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a date (2026-12-06) or an instant "
                    + "(2026-12-06T22:00:00Z), not '" + value + "'");
        }
    }

    private static void json(HttpServletResponse response, int status, JsonObject body) throws IOException {
        response.setStatus(status);
        response.setContentType("application/json; charset=utf-8");
        response.getOutputStream().write(body.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static void error(HttpServletResponse response, int status, String message) throws IOException {
        JsonObject body = new JsonObject();
        body.addProperty("error", message);
        json(response, status, body);
    }
}
