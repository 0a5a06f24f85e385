package org.chargingmanager.smgw.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

import org.chargingmanager.api.grid.GridSignals;
import org.chargingmanager.api.grid.GridSourceStatus;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variable;
import org.chargingmanager.api.variables.VariableDefinition;
import org.chargingmanager.api.variables.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;

/**
 * {@code /cnf?cmd=set_cm_vars|get_cm_vars} on the mutual-TLS channel, as on the main HTTP API but without the admin
 * password (the peer's certificate authenticates it) and limited to the allowed variables: a set naming any other
 * variable, or {@code clear=1}, answers 403 and changes nothing. Every change is logged with the peer's certificate
 * subject.
 */
final class SmgwApi {

    private static final Logger LOG = LoggerFactory.getLogger(SmgwApi.class);

    private final Variables variables;
    private final GridSignals signals;
    private final SmgwSource source;
    private final Set<String> allowed;
    private final Clock clock;

    SmgwApi(Variables variables, GridSignals signals, SmgwSource source, Set<String> allowedVariables, Clock clock) {
        this.variables = variables;
        this.signals = signals;
        this.source = source;
        this.allowed = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        this.allowed.addAll(allowedVariables);
        this.clock = clock;
    }

    HttpResponse handle(HttpRequest request) {
        if (request.path().equals(RESTRICTIONS_PATH) && request.method().equals("GET")) {
            return restrictions(request);
        }
        if (!request.path().equals("/cnf")) {
            return reject(request, 404, "no such path: use /cnf?cmd=get_cm_vars, /cnf?cmd=set_cm_vars or "
                    + RESTRICTIONS_PATH);
        }
        if (!request.method().equals("GET") && !request.method().equals("POST")) {
            return reject(request, 405, "use GET or POST");
        }
        String command = request.query().get("cmd");
        if ("get_cm_vars".equals(command)) {
            source.contact(clock.instant());
            return HttpResponse.json(200, json(variables.list()));
        }
        if (!"set_cm_vars".equals(command)) {
            return reject(request, 400, command == null ? "parameter 'cmd' is missing"
                    : "unknown cmd '" + command + "': use get_cm_vars or set_cm_vars");
        }
        String clear = request.query().get("clear");
        if (clear != null && !clear.equals("0")) {
            return reject(request, 403, "clear=1 is not allowed on the SMGW channel");
        }
        List<VariableDefinition> definitions;
        try {
            definitions = request.method().equals("POST") ? parse(new String(request.body(), StandardCharsets.UTF_8))
                    : List.of(single(request));
        } catch (IllegalArgumentException e) {
            return reject(request, 400, e.getMessage());
        }
        List<String> forbidden = definitions.stream().map(VariableDefinition::name).filter(name -> !allowed.contains(name))
                .collect(Collectors.toList());
        if (!forbidden.isEmpty()) {
            return reject(request, 403, "the SMGW channel may not set " + String.join(", ", forbidden)
                    + " (allowed: " + String.join(", ", allowed) + ")");
        }
        return set(request, definitions);
    }

    static final String RESTRICTIONS_PATH = "/api/v1/grid/restrictions.csv";

    /**
     * The restriction log for the grid operator, as on the main API ({@code from}/{@code to}: instants or dates
     * in UTC; default the last 3 years). Read-only.
     */
    private HttpResponse restrictions(HttpRequest request) {
        java.time.Instant now = clock.instant();
        java.time.Instant from;
        java.time.Instant to;
        try {
            from = instant(request.query().get("from"), now.minus(java.time.Duration.ofDays(3 * 366)), "from");
            to = instant(request.query().get("to"), now.plus(java.time.Duration.ofDays(1)), "to");
        } catch (IllegalArgumentException e) {
            return reject(request, 400, e.getMessage());
        }
        List<org.chargingmanager.api.grid.Restriction> list;
        try {
            list = signals.restrictions(from, to);
        } catch (org.chargingmanager.api.grid.GridLogException e) {
            LOG.warn("SMGW channel: {}", e.getMessage());
            return HttpResponse.error(503, "the restriction log cannot be read now");
        }
        source.contact(clock.instant());
        StringBuilder csv = new StringBuilder("id,source,kind,start,end,duration_s,requested_limit,unit,failsafe,"
                + "min_power_w,avg_power_w,max_power_w,samples\r\n");
        for (org.chargingmanager.api.grid.Restriction r : list) {
            csv.append(r.id()).append(',').append(r.sourceId()).append(',').append(r.kind().replace(",", " "))
                    .append(',').append(r.start()).append(',').append(r.end() == null ? "" : r.end()).append(',')
                    .append(r.end() == null ? "" : java.time.Duration.between(r.start(), r.end()).toSeconds())
                    .append(',').append(format(r.requestedLimit())).append(',').append(r.unit()).append(',')
                    .append(r.failsafe()).append(',').append(watts(r.minPowerWatts())).append(',')
                    .append(watts(r.avgPowerWatts())).append(',').append(watts(r.maxPowerWatts())).append(',')
                    .append(r.samples()).append("\r\n");
        }
        return new HttpResponse(200, "text/csv; charset=utf-8", csv.toString().getBytes(StandardCharsets.UTF_8));
    }

    private static String watts(double value) {
        return Double.isFinite(value) ? Long.toString(Math.round(value)) : "";
    }

    private static java.time.Instant instant(String text, java.time.Instant fallback, String name) {
        if (text == null || text.isBlank()) {
            return fallback;
        }
        try {
            return text.length() == 10 ? java.time.LocalDate.parse(text).atStartOfDay(java.time.ZoneOffset.UTC).toInstant()
                    : java.time.Instant.parse(text);
        } catch (java.time.format.DateTimeParseException e) {
            throw new IllegalArgumentException("parameter '" + name + "' must be a date (2026-12-06) or an instant "
                    + "(2026-12-06T22:00:00Z), not '" + text + "'");
        }
    }

    private HttpResponse set(HttpRequest request, List<VariableDefinition> definitions) {
        String ownVariable = source.info().variable();
        double ownValue = Double.NaN;
        List<VariableDefinition> direct = new ArrayList<>();
        for (VariableDefinition definition : definitions) {
            if (definition.name().equalsIgnoreCase(ownVariable)) {
                try {
                    ownValue = variables.evaluate(definition.expression());
                } catch (InvalidExpressionException e) {
                    return reject(request, 400, ownVariable + ": " + e.getMessage());
                }
                if (!Double.isFinite(ownValue)) {
                    return reject(request, 400, ownVariable + " must be a number");
                }
                if (!failsafe()) {
                    // at once, so the answer shows it; while the failsafe holds, the grid-signal service decides
                    direct.add(new VariableDefinition(ownVariable, format(ownValue)));
                }
            } else {
                direct.add(definition);
            }
        }
        try {
            variables.setAll(direct, false);
        } catch (InvalidExpressionException e) {
            return reject(request, 400, e.getMessage());
        }
        source.contact(clock.instant());
        if (!Double.isNaN(ownValue)) {
            source.value(ownValue);
            signals.signalChanged(SmgwSource.ID);
        }
        LOG.info("SMGW channel: {} set by '{}' from {}", definitions.stream()
                .map(d -> d.name() + " = " + d.expression()).collect(Collectors.joining(", ")), request.peerSubject(),
                request.remote().getHostAddress());
        return HttpResponse.json(200, json(variables.list()));
    }

    private boolean failsafe() {
        for (GridSourceStatus status : signals.status()) {
            if (status.info().id().equals(SmgwSource.ID)) {
                return status.failsafe();
            }
        }
        return false;
    }

    private static VariableDefinition single(HttpRequest request) {
        String name = request.query().get("name");
        String value = request.query().get("val");
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("parameter 'name' is missing");
        }
        if (value == null || value.isEmpty()) {
            throw new IllegalArgumentException("parameter 'val' is missing");
        }
        return new VariableDefinition(name, value);
    }

    /** {@code {"vars":[{"name":"N","expr":1 or "formula"}]}}. */
    static List<VariableDefinition> parse(String json) {
        JsonElement root;
        try {
            root = JsonParser.parseString(json);
        } catch (JsonParseException | StackOverflowError e) {
            throw new IllegalArgumentException("the body is not valid JSON");
        }
        if (!root.isJsonObject() || !root.getAsJsonObject().has("vars")
                || !root.getAsJsonObject().get("vars").isJsonArray()) {
            throw new IllegalArgumentException("the body must be {\"vars\": [{\"name\": ..., \"expr\": ...}, ...]}");
        }
        JsonArray array = root.getAsJsonObject().getAsJsonArray("vars");
        if (array.isEmpty()) {
            throw new IllegalArgumentException("'vars' is empty");
        }
        List<VariableDefinition> definitions = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            JsonElement element = array.get(i);
            if (!element.isJsonObject()) {
                throw new IllegalArgumentException("vars[" + i + "] must be an object with name and expr");
            }
            JsonElement name = element.getAsJsonObject().get("name");
            JsonElement expression = element.getAsJsonObject().get("expr");
            if (name == null || !name.isJsonPrimitive() || !name.getAsJsonPrimitive().isString()) {
                throw new IllegalArgumentException("vars[" + i + "].name must be a string");
            }
            if (expression == null || !expression.isJsonPrimitive() || expression.getAsJsonPrimitive().isBoolean()) {
                throw new IllegalArgumentException("vars[" + i + "].expr must be a number or a string");
            }
            JsonPrimitive primitive = expression.getAsJsonPrimitive();
            definitions.add(new VariableDefinition(name.getAsString(),
                    primitive.isNumber() ? primitive.getAsBigDecimal().toPlainString() : primitive.getAsString()));
        }
        return definitions;
    }

    static JsonObject json(List<Variable> list) {
        JsonArray array = new JsonArray();
        for (Variable variable : list) {
            JsonObject entry = new JsonObject();
            entry.addProperty("name", variable.name());
            try {
                entry.add("expr", number(Double.parseDouble(variable.expression())));
            } catch (NumberFormatException formula) {
                entry.addProperty("expr", variable.expression());
            }
            if (Double.isFinite(variable.value())) {
                entry.add("value", number(variable.value()));
            } else {
                entry.add("value", JsonNull.INSTANCE);
                entry.addProperty("error", variable.error().isEmpty() ? "cannot be computed" : variable.error());
            }
            array.add(entry);
        }
        JsonObject body = new JsonObject();
        body.add("vars", array);
        return body;
    }

    private static JsonPrimitive number(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? new JsonPrimitive((long) value)
                : new JsonPrimitive(value);
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value)
                : Double.toString(value);
    }

    /** Refusals already logged (peer and message), so a peer repeating a bad request fills no log. */
    private static final java.util.Set<String> LOGGED = java.util.concurrent.ConcurrentHashMap.newKeySet();

    private static HttpResponse reject(HttpRequest request, int status, String message) {
        if (LOGGED.size() > 1000) {
            LOGGED.clear();
        }
        if (!LOGGED.add(request.peerSubject() + " " + request.method() + " " + request.path() + " " + message)) {
            return HttpResponse.error(status, message);
        }
        LOG.warn("SMGW channel: refused {} {} from '{}' ({}): {}", request.method(), request.path(),
                request.peerSubject(), request.remote().getHostAddress(), message);
        return HttpResponse.error(status, message);
    }

    static Set<String> allowedVariables(String[] configured) {
        Set<String> result = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (String entry : configured == null ? new String[0] : configured) {
            for (String name : entry.split(",")) {
                if (!name.isBlank()) {
                    result.add(name.trim().toUpperCase(Locale.ROOT));
                }
            }
        }
        return result;
    }
}
