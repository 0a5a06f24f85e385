package org.chargingmanager.ocpp.gateway.internal.web;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.ocpp.gateway.internal.GatewayComponent;
import org.chargingmanager.ocpp.gateway.internal.GatewayStatusJson;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;

/**
 * {@code GET /api/v1/ocpp-gateway}: every upstream connection's state (connected, since when,
 * last error, queued transaction messages, connectors). Admin only, through the context.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-ocpp-gateway")
@HttpWhiteboardServletPattern(GatewayStatusServlet.PATH)
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class GatewayStatusServlet extends HttpServlet {

    static final String PATH = "/api/v1/ocpp-gateway";
    private static final long serialVersionUID = 1L;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final transient List<GatewayComponent> gateways = new CopyOnWriteArrayList<>();

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        response.setContentType("application/json");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.getWriter().write(GatewayStatusJson.of(gateways));
    }
}
