package org.chargingmanager.ocpp.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonPrimitive;

import org.chargingmanager.ocpp.RpcErrorCode;

/**
 * Turns a JSON payload into a message record, checking every field against the record's
 * schema. Fields the record does not know are ignored (some chargers add vendor fields).
 */
public final class PayloadDecoder {

    private static final BigDecimal INT_MIN = BigDecimal.valueOf(Integer.MIN_VALUE);
    private static final BigDecimal INT_MAX = BigDecimal.valueOf(Integer.MAX_VALUE);

    private PayloadDecoder() {
    }

    /**
     * A payload given as JSON text, parsed strictly.
     *
     * @throws Violation when the text is no JSON object, or naming the first offending field
     */
    public static <T> T decode(String payloadJson, Class<T> recordType) {
        JsonElement parsed;
        try {
            parsed = StrictJson.parse(payloadJson);
        } catch (java.io.IOException | RuntimeException | StackOverflowError e) {
            throw new Violation(RpcErrorCode.FORMATION_VIOLATION, "the payload is not valid JSON");
        }
        if (parsed == null || !parsed.isJsonObject()) {
            throw new Violation(RpcErrorCode.FORMATION_VIOLATION, "the payload must be a JSON object");
        }
        return decode(parsed.getAsJsonObject(), recordType);
    }

    /**
     * @throws Violation naming the first offending field
     */
    public static <T> T decode(JsonObject payload, Class<T> recordType) {
        return recordType.cast(decodeRecord(payload, RecordSchema.of(recordType)));
    }

    private static Object decodeRecord(JsonObject object, RecordSchema schema) {
        List<FieldSchema> fields = schema.fields;
        Object[] arguments = new Object[fields.size()];
        for (int i = 0; i < arguments.length; i++) {
            FieldSchema field = fields.get(i);
            try {
                arguments[i] = decodeField(object.get(field.name), field);
            } catch (Violation violation) {
                throw violation.under(field.name);
            }
        }
        try {
            return schema.construct(arguments);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new Violation(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, String.valueOf(e.getMessage()));
        }
    }

    private static Object decodeField(JsonElement element, FieldSchema field) {
        if (element == null || element.isJsonNull()) {
            if (!field.optional) {
                throw new Violation(RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "required");
            }
            return field.type.kind == ValueKind.LIST ? List.of() : null;
        }
        return decodeValue(element, field, field.type);
    }

    private static Object decodeValue(JsonElement element, FieldSchema field, ValueType type) {
        switch (type.kind) {
            case STRING:
                return decodeString(element, field);
            case INTEGER:
                return decodeInteger(element, field);
            case DECIMAL:
                return decodeDecimal(element, field);
            case BOOLEAN:
                if (element instanceof JsonPrimitive primitive && primitive.isBoolean()) {
                    return primitive.getAsBoolean();
                }
                throw wrongType("a boolean", element);
            case DATE_TIME:
                return decodeDateTime(element);
            case ENUM:
                return decodeEnum(element, type);
            case RECORD:
                if (element instanceof JsonObject object) {
                    return decodeRecord(object, type.recordSchema());
                }
                throw wrongType("an object", element);
            case LIST:
                return decodeList(element, field, type);
            default:
                throw new IllegalStateException(type.kind.toString());
        }
    }

    private static String decodeString(JsonElement element, FieldSchema field) {
        String value;
        if (element instanceof JsonPrimitive primitive && primitive.isString()) {
            value = primitive.getAsString();
        } else if (field.numberAllowedAsText && element instanceof JsonPrimitive primitive && primitive.isNumber()) {
            value = primitive.getAsString();
        } else if (field.anyJsonAllowedAsText) {
            value = element.toString();
        } else {
            throw wrongType("a string", element);
        }
        Constraints.checkString(field, value);
        return value;
    }

    private static Integer decodeInteger(JsonElement element, FieldSchema field) {
        if (!(element instanceof JsonPrimitive primitive && primitive.isNumber())) {
            throw wrongType("an integer", element);
        }
        String text = primitive.getAsString();
        int value;
        try {
            value = Integer.parseInt(text);
        } catch (NumberFormatException notPlain) {
            value = integerFromDecimal(text);
        }
        Constraints.checkNumber(field, value);
        return value;
    }

    /** Accepts {@code 12.0} and {@code 1.2e1} as 12, as some chargers write integers that way. */
    private static int integerFromDecimal(String text) {
        BigDecimal decimal;
        try {
            decimal = new BigDecimal(text);
        } catch (NumberFormatException e) {
            throw new Violation(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, "not a number: " + Texts.quote(text));
        }
        if (decimal.compareTo(INT_MIN) < 0 || decimal.compareTo(INT_MAX) > 0) {
            throw new Violation(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION,
                    "not a 32-bit integer: " + Texts.quote(text));
        }
        if (decimal.stripTrailingZeros().scale() > 0) {
            throw new Violation(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION,
                    "expected an integer, got " + Texts.quote(text));
        }
        return decimal.intValueExact();
    }

    private static Double decodeDecimal(JsonElement element, FieldSchema field) {
        if (!(element instanceof JsonPrimitive primitive && primitive.isNumber())) {
            throw wrongType("a number", element);
        }
        String text = primitive.getAsString();
        double value;
        try {
            value = Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new Violation(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, "not a number: " + Texts.quote(text));
        }
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            throw new Violation(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "out of range: " + Texts.quote(text));
        }
        if (field.decimalPlaces != FieldSchema.UNLIMITED) {
            try {
                Constraints.checkDecimalPlaces(field, new BigDecimal(text));
            } catch (NumberFormatException e) {
                throw new Violation(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "out of range: " + Texts.quote(text));
            }
        }
        Constraints.checkNumber(field, value);
        return value;
    }

    private static Instant decodeDateTime(JsonElement element) {
        if (!(element instanceof JsonPrimitive primitive && primitive.isString())) {
            throw wrongType("a date-time string", element);
        }
        String text = primitive.getAsString();
        return DateTimes.parse(text).orElseThrow(() -> new Violation(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION,
                "not a date-time: " + Texts.quote(text)));
    }

    private static Enum<?> decodeEnum(JsonElement element, ValueType type) {
        if (!(element instanceof JsonPrimitive primitive && primitive.isString())) {
            throw wrongType("a string", element);
        }
        String text = primitive.getAsString();
        Enum<?> constant = type.enumLookup.find(text);
        if (constant == null) {
            throw new Violation(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, "unknown value " + Texts.quote(text));
        }
        return constant;
    }

    private static List<Object> decodeList(JsonElement element, FieldSchema field, ValueType type) {
        if (!(element instanceof JsonArray array)) {
            throw wrongType("an array", element);
        }
        Constraints.checkSize(field, array.size());
        List<Object> values = new ArrayList<>(array.size());
        for (int i = 0; i < array.size(); i++) {
            JsonElement item = array.get(i);
            try {
                if (item.isJsonNull()) {
                    throw new Violation(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, "null in a list");
                }
                values.add(decodeValue(item, field, type.elementType));
            } catch (Violation violation) {
                throw violation.under("[" + i + "]");
            }
        }
        return Collections.unmodifiableList(values);
    }

    private static Violation wrongType(String expected, JsonElement received) {
        return new Violation(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION,
                "expected " + expected + ", got " + describe(received));
    }

    private static String describe(JsonElement element) {
        if (element.isJsonObject()) {
            return "an object";
        }
        if (element.isJsonArray()) {
            return "an array";
        }
        JsonPrimitive primitive = element.getAsJsonPrimitive();
        if (primitive.isString()) {
            return "the string " + Texts.quote(primitive.getAsString());
        }
        if (primitive.isBoolean()) {
            return "a boolean";
        }
        return "the number " + Texts.quote(primitive.getAsString());
    }
}
