package org.chargingmanager.ocpp.internal;

import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.List;

import org.chargingmanager.ocpp.schema.WireEnum;

/** The Java type of a record component or list element, as the codec sees it. */
final class ValueType {

    final ValueKind kind;
    final Class<?> javaType;
    /** For ENUM. */
    final EnumLookup enumLookup;
    /** For LIST. */
    final ValueType elementType;

    private ValueType(ValueKind kind, Class<?> javaType, EnumLookup enumLookup, ValueType elementType) {
        this.kind = kind;
        this.javaType = javaType;
        this.enumLookup = enumLookup;
        this.elementType = elementType;
    }

    /** For RECORD: looked up when first needed, since records may refer to each other. */
    RecordSchema recordSchema() {
        return RecordSchema.of(javaType);
    }

    static ValueType of(Type type) {
        if (type instanceof ParameterizedType parameterized && parameterized.getRawType() == List.class) {
            return new ValueType(ValueKind.LIST, List.class, null, of(parameterized.getActualTypeArguments()[0]));
        }
        if (!(type instanceof Class<?> javaType)) {
            throw new IllegalArgumentException("unsupported type in a message record: " + type);
        }
        if (javaType == String.class) {
            return new ValueType(ValueKind.STRING, javaType, null, null);
        }
        if (javaType == int.class || javaType == Integer.class) {
            return new ValueType(ValueKind.INTEGER, javaType, null, null);
        }
        if (javaType == double.class || javaType == Double.class) {
            return new ValueType(ValueKind.DECIMAL, javaType, null, null);
        }
        if (javaType == boolean.class || javaType == Boolean.class) {
            return new ValueType(ValueKind.BOOLEAN, javaType, null, null);
        }
        if (javaType == Instant.class) {
            return new ValueType(ValueKind.DATE_TIME, javaType, null, null);
        }
        if (javaType.isEnum() && WireEnum.class.isAssignableFrom(javaType)) {
            return new ValueType(ValueKind.ENUM, javaType, new EnumLookup(javaType), null);
        }
        if (javaType.isRecord()) {
            return new ValueType(ValueKind.RECORD, javaType, null, null);
        }
        throw new IllegalArgumentException("unsupported type in a message record: " + javaType);
    }
}
