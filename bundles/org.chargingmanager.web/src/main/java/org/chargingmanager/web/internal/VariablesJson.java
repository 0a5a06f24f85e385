package org.chargingmanager.web.internal;

import java.util.List;

import org.chargingmanager.api.variables.Variable;

import org.chargingmanager.api.platform.UserMessage;
import org.chargingmanager.web.internal.i18n.ExpressionMessages;
import org.chargingmanager.web.internal.i18n.Messages;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

/**
 * The grid operator API's JSON shape: {@code {"vars":[{"name":"AVAIL","expr":100,"value":100}]}}.
 * A constant is written as a number, a formula as a string; a value that cannot be computed
 * now is {@code null} with an {@code error}.
 */
final class VariablesJson {

    private VariablesJson() {
    }

    static JsonObject of(List<Variable> variables) {
        JsonArray array = new JsonArray();
        for (Variable variable : variables) {
            JsonObject entry = new JsonObject();
            entry.addProperty("name", variable.name());
            entry.add("expr", expression(variable.expression()));
            if (Double.isFinite(variable.value())) {
                entry.add("value", number(variable.value()));
            } else {
                entry.add("value", com.google.gson.JsonNull.INSTANCE);
                UserMessage error = variable.error().isEmpty() ? UserMessage.of("var.notComputable", "cannot be computed")
                        : ExpressionMessages.of(variable.error());
                entry.addProperty("error", error.english());
                entry.add("errorMessage", Messages.json(error));
            }
            array.add(entry);
        }
        JsonObject body = new JsonObject();
        body.add("vars", array);
        return body;
    }

    private static JsonPrimitive expression(String expression) {
        try {
            return number(Double.parseDouble(expression));
        } catch (NumberFormatException formula) {
            return new JsonPrimitive(expression);
        }
    }

    /** Whole numbers without ".0", so 100 stays 100. */
    static JsonPrimitive number(double value) {
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return new JsonPrimitive((long) value);
        }
        return new JsonPrimitive(value);
    }
}
