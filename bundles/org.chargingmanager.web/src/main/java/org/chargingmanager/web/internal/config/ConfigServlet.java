package org.chargingmanager.web.internal.config;

import java.io.IOException;
import java.net.URLDecoder;
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
import org.chargingmanager.api.variables.Variables;
import org.chargingmanager.web.internal.JsonResponses;
import org.chargingmanager.web.internal.i18n.Messages;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardContextSelect;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletName;
import org.osgi.service.http.whiteboard.propertytypes.HttpWhiteboardServletPattern;
import org.osgi.service.metatype.MetaTypeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * The settings forms ({@link ConfigForms}):
 * <ul>
 * <li>{@code GET /api/v1/config}: every form with its fields and values</li>
 * <li>{@code POST /api/v1/config/FACTORY_PID} with {@code {"values": {...}}}: adds a device (or
 * rule ...), 201 with its {@code pid}</li>
 * <li>{@code PUT /api/v1/config/PID} with {@code {"values": {...}}}: changes settings</li>
 * <li>{@code DELETE /api/v1/config/PID}: removes a device (or rule ...)</li>
 * <li>{@code POST /api/v1/config} with {@code {"changes": [...]}}: several of the above changes
 * checked together and stored only if every one is good (all or nothing)</li>
 * </ul>
 * A bad value answers 400 with {@code field} and nothing is stored. Answers 503 while the
 * MetaType or ConfigurationAdmin service is missing.
 */
@Component(service = Servlet.class)
@HttpWhiteboardServletName("chargingmanager-config")
@HttpWhiteboardServletPattern({ "/api/v1/config", "/api/v1/config/*" })
@HttpWhiteboardContextSelect(WebContext.SELECT_FILTER)
public class ConfigServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;
    private static final Logger LOG = LoggerFactory.getLogger(ConfigServlet.class);
    private static final String CHANGES_SHAPE = "{\"changes\": [{\"pid\" or \"factoryPid\": ..., \"values\": {...}}, ...]}";

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile MetaTypeService metaTypes;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile ConfigurationAdmin configurationAdmin;

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private transient volatile Variables variables;

    private final transient BundleContext context;

    @Activate
    public ConfigServlet(BundleContext context) {
        this.context = context;
    }

    private ConfigForms forms(HttpServletResponse response) throws IOException {
        MetaTypeService metaTypeService = metaTypes;
        ConfigurationAdmin admin = configurationAdmin;
        if (metaTypeService == null || admin == null) {
            response.setHeader("Retry-After", "10");
            JsonResponses.error(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, UserMessage.of("config.unavailable",
                    "settings forms need the OSGi MetaType and ConfigurationAdmin services"));
            return null;
        }
        return new ConfigForms(context, metaTypeService, admin, this::expressionProblem);
    }

    private java.util.Optional<String> expressionProblem(String expression) {
        Variables current = variables;
        if (current == null) {
            return java.util.Optional.empty();
        }
        try {
            current.evaluate(expression);
            return java.util.Optional.empty();
        } catch (InvalidExpressionException e) {
            return java.util.Optional.of(e.getMessage());
        }
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConfigForms forms = forms(response);
        if (forms != null) {
            JsonResponses.write(response, HttpServletResponse.SC_OK, forms.json(language(request.getParameter("lang"))));
        }
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        change(request, response, true);
    }

    @Override
    protected void doPut(HttpServletRequest request, HttpServletResponse response) throws IOException {
        change(request, response, false);
    }

    private void change(HttpServletRequest request, HttpServletResponse response, boolean create) throws IOException {
        String pid = pid(request);
        if (pid == null && create) {
            changeAll(request, response);
            return;
        }
        if (pid == null) {
            JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, JsonResponses.pathIdMissing("/api/v1/config/PID"));
            return;
        }
        ConfigForms forms = forms(response);
        if (forms == null) {
            return;
        }
        JsonObject values;
        try {
            values = values(JsonResponses.readObject(request));
        } catch (JsonResponses.BadRequestException e) {
            JsonResponses.badRequest(response, e);
            return;
        }
        try {
            if (create) {
                String created = forms.create(pid, values, language(request.getParameter("lang")));
                LOG.info("Settings: {} added ({}) by {} from {}", created, pid,
                        request.getAttribute(WebContext.USER_ATTRIBUTE), request.getRemoteAddr());
                JsonObject body = new JsonObject();
                body.addProperty("pid", created);
                JsonResponses.write(response, HttpServletResponse.SC_CREATED, body);
            } else {
                forms.update(pid, values, language(request.getParameter("lang")));
                LOG.info("Settings: {} changed by {} from {}", pid, request.getAttribute(WebContext.USER_ATTRIBUTE),
                        request.getRemoteAddr());
                JsonObject body = new JsonObject();
                body.addProperty("pid", pid);
                JsonResponses.write(response, HttpServletResponse.SC_OK, body);
            }
        } catch (AttributeValues.InvalidValueException e) {
            LOG.warn("Settings: rejected a change of {} from {}: {}", pid, request.getRemoteAddr(), e.getMessage());
            JsonResponses.fieldError(response, e.attributeId(), e.userMessage());
        } catch (ConfigForms.NotFoundException e) {
            JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, e.userMessage());
        }
    }

    /**
     * {@code POST /api/v1/config} with {@code {"changes": [{"pid": ..., "values": {...}}, {"factoryPid": ...,
     * "values": {...}}]}}: several forms saved together (the settings dialog behind a tile). Every
     * change is checked first; only if all are good are they stored ({@code 200 {"pids": [...]}}).
     * Otherwise nothing is stored and the answer is the first problem as a single change's would
     * be, plus {@code "change": its index} and {@code "errors"}: every bad change's problem.
     */
    private void changeAll(HttpServletRequest request, HttpServletResponse response) throws IOException {
        ConfigForms forms = forms(response);
        if (forms == null) {
            return;
        }
        List<ConfigForms.Request> requests = new ArrayList<>();
        try {
            JsonElement changes = JsonResponses.readObject(request).get("changes");
            if (changes == null || !changes.isJsonArray()) {
                throw new JsonResponses.BadRequestException(JsonResponses.bodyShape(CHANGES_SHAPE));
            }
            for (JsonElement element : changes.getAsJsonArray()) {
                JsonObject change = element.isJsonObject() ? element.getAsJsonObject() : new JsonObject();
                String pid = JsonResponses.string(change, "pid");
                String factoryPid = JsonResponses.string(change, "factoryPid");
                if ((pid == null) == (factoryPid == null)) {
                    throw new JsonResponses.BadRequestException(JsonResponses.bodyShape(CHANGES_SHAPE));
                }
                requests.add(new ConfigForms.Request(pid, factoryPid, values(change)));
            }
        } catch (JsonResponses.BadRequestException e) {
            JsonResponses.badRequest(response, e);
            return;
        }
        List<String> pids;
        try {
            pids = forms.applyAll(requests, language(request.getParameter("lang")));
        } catch (ConfigForms.BatchException e) {
            batchFailed(request, response, requests, e);
            return;
        }
        LOG.info("Settings: {} changed together by {} from {}", pids, request.getAttribute(WebContext.USER_ATTRIBUTE),
                request.getRemoteAddr());
        JsonArray array = new JsonArray();
        pids.forEach(array::add);
        JsonObject body = new JsonObject();
        body.add("pids", array);
        JsonResponses.write(response, HttpServletResponse.SC_OK, body);
    }

    /**
     * The answer to changes that are not stored: the first problem as the answer's error (400 for a
     * bad value, 404 for an unknown form, 503 when storing failed), {@code change} its index, and
     * {@code errors} with every bad change's problem, each with its {@code change} and {@code field}.
     */
    private static void batchFailed(HttpServletRequest request, HttpServletResponse response,
            List<ConfigForms.Request> requests, ConfigForms.BatchException e) throws IOException {
        JsonArray errors = new JsonArray();
        int status = 0;
        for (ConfigForms.BatchException.Failure failure : e.failures()) {
            ConfigForms.Request failed = requests.get(failure.index());
            String pid = failed.pid() != null ? failed.pid() : failed.factoryPid();
            JsonObject error = new JsonObject();
            int own;
            if (failure.problem() instanceof AttributeValues.InvalidValueException invalid) {
                Messages.addTo(error, invalid.userMessage());
                error.addProperty("field", invalid.attributeId());
                own = HttpServletResponse.SC_BAD_REQUEST;
            } else if (failure.problem() instanceof ConfigForms.NotFoundException notFound) {
                Messages.addTo(error, notFound.userMessage());
                own = HttpServletResponse.SC_NOT_FOUND;
            } else {
                LOG.error("Settings: changes from {} not stored ({} failed), the earlier ones put back: {}",
                        request.getRemoteAddr(), pid, failure.problem().toString());
                Messages.addTo(error, UserMessage.of("settings.notStored", "the settings cannot be stored now"));
                own = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            }
            error.addProperty("change", failure.index());
            errors.add(error);
            status = status == 0 ? own : status;
        }
        LOG.warn("Settings: rejected changes from {}, nothing stored: {}", request.getRemoteAddr(), e.getMessage());
        JsonObject body = errors.get(0).getAsJsonObject().deepCopy();
        body.add("errors", errors);
        JsonResponses.write(response, status, body);
    }

    private static JsonObject values(JsonObject body) {
        JsonElement element = body.get("values");
        if (element == null || !element.isJsonObject()) {
            throw new JsonResponses.BadRequestException(JsonResponses.bodyShape("{\"values\": {...}}"));
        }
        return element.getAsJsonObject();
    }

    @Override
    protected void doDelete(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String pid = pid(request);
        ConfigForms forms = forms(response);
        if (forms == null) {
            return;
        }
        if (pid == null) {
            JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, JsonResponses.pathIdMissing("/api/v1/config/PID"));
            return;
        }
        try {
            forms.delete(pid);
        } catch (ConfigForms.NotFoundException e) {
            JsonResponses.error(response, HttpServletResponse.SC_NOT_FOUND, e.userMessage());
            return;
        }
        LOG.info("Settings: {} deleted by {} from {}", pid, request.getAttribute(WebContext.USER_ATTRIBUTE),
                request.getRemoteAddr());
        response.setStatus(HttpServletResponse.SC_NO_CONTENT);
    }

    /** A two-letter language code for the forms' texts, or null (English). */
    static String language(String parameter) {
        return parameter != null && parameter.matches("[a-z]{2}") ? parameter : null;
    }

    private static String pid(HttpServletRequest request) {
        String pathInfo = request.getPathInfo();
        if (pathInfo == null || pathInfo.length() < 2) {
            return null;
        }
        return URLDecoder.decode(pathInfo.substring(1), StandardCharsets.UTF_8);
    }
}
