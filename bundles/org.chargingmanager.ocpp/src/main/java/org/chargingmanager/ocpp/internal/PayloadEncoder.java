package org.chargingmanager.ocpp.internal;

import java.io.IOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

import com.google.gson.stream.JsonWriter;

import org.chargingmanager.ocpp.RpcErrorCode;
import org.chargingmanager.ocpp.schema.WireEnum;

/**
 * Writes a message record as a JSON object, checking it against the same schema as the
 * decoder, so we never send what we would reject. Absent optional fields and empty optional
 * lists are left out.
 */
public final class PayloadEncoder {

    private PayloadEncoder() {
    }

    /**
     * @throws Violation naming the first offending field
     */
    public static void encode(Object record, JsonWriter writer) throws IOException {
        encodeRecord(record, RecordSchema.of(record.getClass()), writer);
    }

    private static void encodeRecord(Object record, RecordSchema schema, JsonWriter writer) throws IOException {
        writer.beginObject();
        for (FieldSchema field : schema.fields) {
            Object value = field.valueOf(record);
            try {
                if (value == null && !field.optional) {
                    throw new Violation(RpcErrorCode.OCCURENCE_CONSTRAINT_VIOLATION, "required");
                }
                if (field.optional && isAbsent(value)) {
                    continue;
                }
                writer.name(field.name);
                encodeValue(value, field, field.type, writer);
            } catch (Violation violation) {
                throw violation.under(field.name);
            }
        }
        writer.endObject();
    }

    private static boolean isAbsent(Object value) {
        return value == null || value instanceof List<?> list && list.isEmpty();
    }

    private static void encodeValue(Object value, FieldSchema field, ValueType type, JsonWriter writer)
            throws IOException {
        switch (type.kind) {
            case STRING -> {
                String text = (String) value;
                Constraints.checkString(field, text);
                writer.value(text);
            }
            case INTEGER -> {
                int number = (Integer) value;
                Constraints.checkNumber(field, number);
                writer.value(number);
            }
            case DECIMAL -> {
                double number = (Double) value;
                if (Double.isInfinite(number) || Double.isNaN(number)) {
                    throw new Violation(RpcErrorCode.PROPERTY_CONSTRAINT_VIOLATION, "not a finite number");
                }
                Constraints.checkNumber(field, number);
                if (field.decimalPlaces != FieldSchema.UNLIMITED) {
                    Constraints.checkDecimalPlaces(field, BigDecimal.valueOf(number));
                }
                writer.value(number);
            }
            case BOOLEAN -> writer.value((Boolean) value);
            case DATE_TIME -> writer.value(DateTimes.format((Instant) value));
            case ENUM -> writer.value(((WireEnum) value).wireValue());
            case RECORD -> encodeRecord(value, type.recordSchema(), writer);
            case LIST -> encodeList((List<?>) value, field, type, writer);
            default -> throw new IllegalStateException(type.kind.toString());
        }
    }

    private static void encodeList(List<?> list, FieldSchema field, ValueType type, JsonWriter writer)
            throws IOException {
        Constraints.checkSize(field, list.size());
        writer.beginArray();
        for (int i = 0; i < list.size(); i++) {
            Object item = list.get(i);
            try {
                if (item == null) {
                    throw new Violation(RpcErrorCode.TYPE_CONSTRAINT_VIOLATION, "null in a list");
                }
                encodeValue(item, field, type.elementType, writer);
            } catch (Violation violation) {
                throw violation.under("[" + i + "]");
            }
        }
        writer.endArray();
    }
}
