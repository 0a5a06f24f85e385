package org.chargingmanager.ocpp.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;
import java.util.List;
import java.util.stream.Stream;

/**
 * The wire schema of a message record, read once from its components and their annotations
 * and cached per class.
 */
final class RecordSchema {

    private static final ClassValue<RecordSchema> CACHE = new ClassValue<>() {
        @Override
        protected RecordSchema computeValue(Class<?> type) {
            return new RecordSchema(type);
        }
    };

    final Class<?> type;
    final List<FieldSchema> fields;
    private final MethodHandle constructor;

    private RecordSchema(Class<?> type) {
        if (!type.isRecord()) {
            throw new IllegalArgumentException(type + " is not a record");
        }
        this.type = type;
        RecordComponent[] components = type.getRecordComponents();
        this.fields = Stream.of(components).map(FieldSchema::new).toList();
        Class<?>[] parameterTypes = Stream.of(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        try {
            this.constructor = MethodHandles.publicLookup()
                    .findConstructor(type, MethodType.methodType(void.class, parameterTypes))
                    .asSpreader(Object[].class, parameterTypes.length)
                    .asType(MethodType.methodType(Object.class, Object[].class));
        } catch (NoSuchMethodException | IllegalAccessException e) {
            throw new IllegalArgumentException(type + ": no public canonical constructor", e);
        }
    }

    static RecordSchema of(Class<?> type) {
        return CACHE.get(type);
    }

    /** Calls the canonical constructor; exceptions of the record's own checks pass through. */
    Object construct(Object[] arguments) {
        try {
            return constructor.invokeExact(arguments);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
