package org.chargingmanager.web.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.api.platform.WebContext;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.VariableDefinition;
import org.chargingmanager.api.variables.Variables;
import org.chargingmanager.web.internal.i18n.ExpressionMessages;
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
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * The grid operator's and supplier's API, compatible with the product this re-implements:
 * <ul>
 * <li>{@code GET /cnf?cmd=get_cm_vars}: every variable with its expression and current value</li>
 * <li>{@code GET /cnf?cmd=set_cm_vars&name=N&val=V[&clear=1]}: sets one variable</li>
 * <li>{@code POST /cnf?cmd=set_cm_vars[&clear=1]} with {@code {"vars":[{"name":"N","expr":1.5}]}}:
 * sets all of them or, if any is bad, none</li>
 * </ul>
 * Any bad part answers 400 with {@code {"error": "...", "code": "...", "args": [...]}} and changes nothing.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-grid-operator")
@HttpWhiteboardServletPattern("/cnf")
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class GridOperatorServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    static final int MAXIMUM_BODY_BYTES = 64 * 1024;
    private static final Logger LOG = LoggerFactory.getLogger(GridOperatorServlet.class);

    private final transient Variables variables;

    @Activate
    public GridOperatorServlet(@Reference Variables variables) {
        this.variables = variables;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String command = request.getParameter("cmd");
        if ("get_cm_vars".equals(command)) {
            JsonResponses.write(response, HttpServletResponse.SC_OK, VariablesJson.of(variables.list()));
        } else if ("set_cm_vars".equals(command)) {
            String name = request.getParameter("name");
            String value = request.getParameter("val");
            if (name == null || name.isEmpty()) {
                badRequest(request, response, UserMessage.of("cnf.parameterMissing", "parameter 'name' is missing", "name"));
                return;
            }
            if (value == null || value.isEmpty()) {
                badRequest(request, response, UserMessage.of("cnf.parameterMissing", "parameter 'val' is missing", "val"));
                return;
            }
            set(request, response, List.of(new VariableDefinition(name, value)));
        } else {
            unknownCommand(request, response, command);
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // read the body before any getParameter(): a client such as curl -d labels it as a form,
        // and the container would otherwise consume it as form fields
        byte[] body = readBody(request);
        String command = request.getParameter("cmd");
        if (!"set_cm_vars".equals(command)) {
            if ("get_cm_vars".equals(command)) {
                response.setHeader("Allow", "GET");
                JsonResponses.error(response, HttpServletResponse.SC_METHOD_NOT_ALLOWED,
                        UserMessage.of("http.methodNotAllowed", "use GET for get_cm_vars", "POST"));
                return;
            }
            unknownCommand(request, response, command);
            return;
        }
        if (body == null) {
            badRequest(request, response, UserMessage.of("http.tooLarge", "the body is larger than " + MAXIMUM_BODY_BYTES
                    + " bytes", MAXIMUM_BODY_BYTES));
            return;
        }
        List<VariableDefinition> definitions;
        try {
            definitions = parseVariables(new String(body, StandardCharsets.UTF_8));
        } catch (JsonResponses.BadRequestException e) {
            badRequest(request, response, e.userMessage());
            return;
        }
        set(request, response, definitions);
    }

    private void set(HttpServletRequest request, HttpServletResponse response, List<VariableDefinition> definitions)
            throws IOException {
        String clear = request.getParameter("clear");
        if (clear != null && !clear.equals("0") && !clear.equals("1")) {
            badRequest(request, response, UserMessage.of("cnf.clear", "parameter 'clear' must be 0 or 1, not '" + clear + "'",
                    clear));
            return;
        }
        try {
            variables.setAll(definitions, "1".equals(clear));
        } catch (InvalidExpressionException e) {
            badRequest(request, response, ExpressionMessages.of(e.getMessage()));
            return;
        }
        LOG.info("Grid operator API: {} variable(s) set by {} from {}", definitions.size(),
                request.getAttribute(WebContext.USER_ATTRIBUTE), request.getRemoteAddr());
        JsonResponses.write(response, HttpServletResponse.SC_OK, VariablesJson.of(variables.list()));
    }

    /** Parses {@code {"vars":[{"name":"N","expr":1 or "formula"}]}}. */
    static List<VariableDefinition> parseVariables(String json) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException | StackOverflowError e) {
            throw new JsonResponses.BadRequestException(UserMessage.of("http.badJson", "the body is not valid JSON"));
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("vars")
                || !root.getAsJsonObject().get("vars").isJsonArray()) {
            throw new JsonResponses.BadRequestException(JsonResponses.bodyShape("{\"vars\": [{\"name\": ..., \"expr\": ...}, ...]}"));
        }
        JsonArray array = root.getAsJsonObject().getAsJsonArray("vars");
        List<VariableDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonElement element = array.get(i);
            if (!element.isJsonObject()) {
                throw new JsonResponses.BadRequestException(UserMessage.of("cnf.entry",
                        "vars[" + i + "] must be an object with name and expr", i));
            }
            JsonObject entry = element.getAsJsonObject();
            JsonElement name = entry.get("name");
            if (name == null || !name.isJsonPrimitive() || !name.getAsJsonPrimitive().isString()) {
                throw new JsonResponses.BadRequestException(UserMessage.of("cnf.name", "vars[" + i + "].name must be a string", i));
            }
            JsonElement expression = entry.get("expr");
            if (expression == null || !expression.isJsonPrimitive()
                    || expression.getAsJsonPrimitive().isBoolean()) {
                throw new JsonResponses.BadRequestException(UserMessage.of("cnf.expr",
                        "vars[" + i + "].expr must be a number or a string", i));
            }
            JsonPrimitive primitive = expression.getAsJsonPrimitive();
            String text = primitive.isNumber() ? primitive.getAsBigDecimal().toPlainString() : primitive.getAsString();
            definitions.add(new VariableDefinition(name.getAsString(), text));
        }
        return definitions;
    }

    private static byte[] readBody(HttpServletRequest request) throws IOException {
        try (InputStream input = request.getInputStream()) {
            byte[] body = input.readNBytes(MAXIMUM_BODY_BYTES + 1);
            return body.length > MAXIMUM_BODY_BYTES ? null : body;
        }
    }

    private static void unknownCommand(HttpServletRequest request, HttpServletResponse response, String command)
            throws IOException {
        badRequest(request, response, command == null
                ? UserMessage.of("cnf.parameterMissing", "parameter 'cmd' is missing", "cmd")
                : UserMessage.of("cnf.cmdUnknown", "unknown cmd '" + command + "': use get_cm_vars or set_cm_vars", command));
    }

    private static void badRequest(HttpServletRequest request, HttpServletResponse response, UserMessage message)
            throws IOException {
        LOG.warn("Grid operator API: rejected {} {} from {}: {}", request.getMethod(), request.getQueryString(),
                request.getRemoteAddr(), message.english());
        JsonResponses.error(response, HttpServletResponse.SC_BAD_REQUEST, message);
    }
}
