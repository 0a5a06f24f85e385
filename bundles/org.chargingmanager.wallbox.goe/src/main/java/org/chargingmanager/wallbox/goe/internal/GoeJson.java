package org.chargingmanager.wallbox.goe.internal;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/** Reads fields of the box's JSON, numbers as numbers or strings (v1 sends every value as a string). */
final class GoeJson {

    private GoeJson() {
    }

    static double number(JsonObject json, String key) throws GoeException {
        JsonElement value = json.get(key);
        if (value == null || !value.isJsonPrimitive()) {
            throw new GoeException("status without \"" + key + "\"");
        }
        if (value.getAsJsonPrimitive().isBoolean()) {
            return value.getAsBoolean() ? 1 : 0;
        }
        try {
            double number = Double.parseDouble(value.getAsString().strip());
            if (Double.isNaN(number) || Double.isInfinite(number)) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new GoeException("status with \"" + key + "\" not a number: " + GoeHttp.excerpt(value.toString()));
        }
    }

    static double number(JsonObject json, String key, double missing) throws GoeException {
        JsonElement value = json.get(key);
        return value == null || value.isJsonNull() ? missing : number(json, key);
    }

    static String text(JsonObject json, String key) {
        JsonElement value = json.get(key);
        return value == null || !value.isJsonPrimitive() ? "" : value.getAsString().strip();
    }

    /** {@code nrg}: at least 12 numbers. */
    static double[] energyArray(JsonObject json) throws GoeException {
        JsonElement value = json.get("nrg");
        if (value == null || !value.isJsonArray() || value.getAsJsonArray().size() < 12) {
            throw new GoeException("status without a \"nrg\" array of 12 or more values");
        }
        JsonArray array = value.getAsJsonArray();
        double[] numbers = new double[array.size()];
        for (int i = 0; i < numbers.length; i++) {
            JsonElement element = array.get(i);
            try {
                numbers[i] = element.isJsonNull() ? 0 : Double.parseDouble(element.getAsString());
            } catch (NumberFormatException | UnsupportedOperationException | IllegalStateException e) {
                throw new GoeException("\"nrg\" value " + i + " is not a number: " + GoeHttp.excerpt(element.toString()));
            }
        }
        return numbers;
    }
}
