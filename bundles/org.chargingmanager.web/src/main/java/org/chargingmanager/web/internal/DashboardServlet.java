package org.chargingmanager.web.internal;

import java.io.IOException;

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

/**
 * {@code GET /api/v1/dashboard}: everything the dashboard shows at once (see {@link SiteView});
 * the web UI polls it when Server-Sent Events do not get through. {@code GET /api/v1/history}:
 * the last 24 h of grid and charging power ({@link PowerHistory}).
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-dashboard")
@HttpWhiteboardServletPattern({ "/api/v1/dashboard", "/api/v1/history" })
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class DashboardServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient SiteView site;
    private final transient PowerHistory history;

    @Activate
    public DashboardServlet(@Reference SiteView site, @Reference PowerHistory history) {
        this.site = site;
        this.history = history;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        if (request.getServletPath().endsWith("/history")) {
            JsonResponses.write(response, HttpServletResponse.SC_OK, history.json());
        } else {
            JsonResponses.write(response, HttpServletResponse.SC_OK, site.json());
        }
    }
}
