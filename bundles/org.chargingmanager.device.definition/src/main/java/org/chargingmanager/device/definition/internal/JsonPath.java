package org.chargingmanager.device.definition.internal;

import java.util.OptionalDouble;

import com.google.gson.JsonElement;
import com.google.gson.JsonPrimitive;

/** A small JSON path: names separated by dots, each with optional indices: {@code a.b[2].c}, {@code [0].x}. Pure. */
final class JsonPath {

    private JsonPath() {
    }

    static OptionalDouble number(JsonElement root, String path) {
        JsonElement current = root;
        for (String part : path.split("\\.")) {
            String name = part.contains("[") ? part.substring(0, part.indexOf('[')) : part;
            if (!name.isEmpty()) {
                if (current == null || !current.isJsonObject()) {
                    return OptionalDouble.empty();
                }
                current = current.getAsJsonObject().get(name);
            }
            int at = part.indexOf('[');
            while (at >= 0) {
                int end = part.indexOf(']', at);
                if (end < 0 || current == null || !current.isJsonArray()) {
                    return OptionalDouble.empty();
                }
                int index;
                try {
                    index = Integer.parseInt(part.substring(at + 1, end).trim());
                } catch (NumberFormatException e) {
                    return OptionalDouble.empty();
                }
                if (index < 0 || index >= current.getAsJsonArray().size()) {
                    return OptionalDouble.empty();
                }
                current = current.getAsJsonArray().get(index);
                at = part.indexOf('[', end);
            }
        }
        if (current == null || !current.isJsonPrimitive()) {
            return OptionalDouble.empty();
        }
        JsonPrimitive primitive = current.getAsJsonPrimitive();
        if (primitive.isBoolean()) {
            return OptionalDouble.of(primitive.getAsBoolean() ? 1 : 0);
        }
        try {
            double value = Double.parseDouble(primitive.getAsString().trim());
            return Double.isFinite(value) ? OptionalDouble.of(value) : OptionalDouble.empty();
        } catch (NumberFormatException e) {
            return OptionalDouble.empty();
        }
    }
}
