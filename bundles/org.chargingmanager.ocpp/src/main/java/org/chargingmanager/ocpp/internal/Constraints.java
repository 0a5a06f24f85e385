package org.chargingmanager.ocpp.internal;

import java.math.BigDecimal;
import java.net.URI;
import java.net.URISyntaxException;

import org.chargingmanager.ocpp.RpcErrorCode;

/** The checks of a field's annotations on a Java value; the same for decoding and encoding. */
final class Constraints {

    private Constraints() {
    }

    static void checkString(FieldSchema field, String value) {
        if (field.maxLength != FieldSchema.UNLIMITED && value.length() > field.maxLength
                && value.codePointCount(0, value.length()) > field.maxLength) {
            throw new Violation(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
                    "longer than " + field.maxLength + " characters");
        }
        if (field.absoluteUri && !isAbsoluteUri(value)) {
            throw new Violation(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
                    "not an absolute URI: " + Texts.quote(value));
        }
    }

    static void checkNumber(FieldSchema field, double value) {
        if (field.minimum != null && value < field.minimum) {
            throw new Violation(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
                    "less than " + field.minimum + ": " + format(value));
        }
        if (field.maximum != null && value > field.maximum) {
            throw new Violation(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
                    "greater than " + field.maximum + ": " + format(value));
        }
    }

    /** Checks the number of fraction digits of a decimal as written, e.g. {@code 6.25} has 2. */
    static void checkDecimalPlaces(FieldSchema field, BigDecimal value) {
        if (field.decimalPlaces != FieldSchema.UNLIMITED && value.stripTrailingZeros().scale() > field.decimalPlaces) {
            throw new Violation(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION,
                    "more than " + field.decimalPlaces + " decimal places: " + Texts.quote(value.toString()));
        }
    }

    static void checkSize(FieldSchema field, int size) {
        if (size < field.minItems) {
            throw new Violation(RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION,
                    "fewer than " + field.minItems + (field.minItems == 1 ? " element" : " elements"));
        }
        if (field.maxItems != FieldSchema.UNLIMITED && size > field.maxItems) {
            throw new Violation(RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION,
                    "more than " + field.maxItems + " elements");
        }
    }

    private static boolean isAbsoluteUri(String value) {
        try {
            return new URI(value).isAbsolute();
        } catch (URISyntaxException e) {
            return false;
        }
    }

    private static String format(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15 ? Long.toString((long) value) : Double.toString(value);
    }
}
