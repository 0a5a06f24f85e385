package org.chargingmanager.web.internal;

import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variables;
import org.chargingmanager.web.internal.i18n.ExpressionMessages;
import org.chargingmanager.api.platform.UserMessage;
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
 * The variables for the settings page:
 * <ul>
 * <li>{@code GET /api/v1/variables}: as {@code /cnf?cmd=get_cm_vars}</li>
 * <li>{@code GET /api/v1/variables/evaluate?expr=...}: computes a formula without storing it
 * ({@code {"value": ...}} or 400 with the error), for live checking as the user types</li>
 * <li>{@code PUT /api/v1/variables/NAME} with {@code {"expr": "..."}}: sets or creates one</li>
 * <li>{@code DELETE /api/v1/variables/NAME}: deletes one (400 if another formula uses it)</li>
 * </ul>
 * A rejected change answers 400 naming the field and changes nothing.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-variables")
@HttpWhiteboardServletPattern({ "/api/v1/variables", "/api/v1/variables/*" })
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class VariablesServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(VariablesServlet.class);

    private final transient Variables variables;

    @Activate
    public VariablesServlet(@Reference Variables variables) {
        this.variables = variables;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = name(request);
        if (name == null) {
            JsonResponses.write(response, HttpServletResponse.SC_OK, VariablesJson.of(variables.list()));
        } else if (name.equals("evaluate")) {
            String expression = request.getParameter("expr");
            if (expression == null || expression.isBlank()) {
                JsonResponses.fieldError(response, "expr", UserMessage.of("expr.enter", "enter a number or a formula"));
                return;
            }
            try {
                JsonObject body = new JsonObject();
                double value = variables.evaluate(expression);
                body.add("value", Double.isFinite(value) ? VariablesJson.number(value) : null);
                JsonResponses.write(response, HttpServletResponse.SC_OK, body);
            } catch (InvalidExpressionException e) {
                JsonResponses.fieldError(response, "expr", ExpressionMessages.of(e.getMessage()));
            }
        } else {
            JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, JsonResponses.notFound(request));
        }
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = name(request);
        if (name == null || name.isBlank()) {
            JsonResponses.fieldError(response, "name", UserMessage.of("var.nameMissing",
                    "the variable needs a name: PUT /api/v1/variables/NAME"));
            return;
        }
        String expression;
        try {
            expression = JsonResponses.string(JsonResponses.readObject(request), "expr");
        } catch (JsonResponses.BadRequestException e) {
            JsonResponses.badRequest(response, e);
            return;
        }
        if (expression == null || expression.isBlank()) {
            JsonResponses.fieldError(response, "expr", UserMessage.of("expr.enter", "enter a number or a formula"));
            return;
        }
        try {
            variables.set(name, expression);
        } catch (InvalidExpressionException e) {
            LOG.warn("Variables: rejected {} = '{}' from {}: {}", name, expression, request.getRemoteAddr(), e.getMessage());
            JsonResponses.fieldError(response, e.getMessage().contains("name") && !e.getMessage().contains("unknown")
                    ? "name" : "expr", ExpressionMessages.of(e.getMessage()));
            return;
        }
        LOG.info("Variables: {} = '{}' set by {} from {}", name, expression,
                request.getAttribute(WebContext.USER_ATTRIBUTE), request.getRemoteAddr());
        JsonResponses.write(response, HttpServletResponse.SC_OK, VariablesJson.of(variables.list()));
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String name = name(request);
        if (name == null || name.isBlank()) {
            JsonResponses.fieldError(response, "name", UserMessage.of("var.nameMissing",
                    "the variable needs a name: DELETE /api/v1/variables/NAME"));
            return;
        }
        try {
            if (!variables.remove(name)) {
                JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND,
                        UserMessage.of("var.unknown", "no variable '" + name + "'", name));
                return;
            }
        } catch (InvalidExpressionException e) {
            JsonResponses.fieldError(response, "name", ExpressionMessages.of(e.getMessage()));
            return;
        }
        LOG.info("Variables: {} deleted by {} from {}", name, request.getAttribute(WebContext.USER_ATTRIBUTE),
                request.getRemoteAddr());
        JsonResponses.write(response, HttpServletResponse.SC_OK, VariablesJson.of(variables.list()));
    }

    private static String name(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        if (pathInfo == null || pathInfo.equals("/")) {
            return null;
        }
        return URLDecoder.decode(pathInfo.substring(1), StandardCharsets.UTF_8);
    }
}
