package org.chargingmanager.ocpp.internal;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.RecordComponent;

import org.chargingmanager.ocpp.schema.AbsoluteUri;
import org.chargingmanager.ocpp.schema.AnyJsonAllowedAsText;
import org.chargingmanager.ocpp.schema.DecimalPlaces;
import org.chargingmanager.ocpp.schema.MaxItems;
import org.chargingmanager.ocpp.schema.MaxLength;
import org.chargingmanager.ocpp.schema.Maximum;
import org.chargingmanager.ocpp.schema.MinItems;
import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.NumberAllowedAsText;
import org.chargingmanager.ocpp.schema.OptionalField;

/** One record component: its JSON name, type and the constraints of its annotations. */
final class FieldSchema {

    static final int UNLIMITED = -1;

    final String name;
    final ValueType type;
    final boolean optional;
    final int maxLength;
    final Long minimum;
    final Long maximum;
    final int minItems;
    final int maxItems;
    final int decimalPlaces;
    final boolean absoluteUri;
    final boolean numberAllowedAsText;
    final boolean anyJsonAllowedAsText;
    private final MethodHandle accessor;

    FieldSchema(RecordComponent component) {
        this.name = component.getName();
        this.type = ValueType.of(component.getGenericType());
        this.optional = component.isAnnotationPresent(OptionalField.class);
        MaxLength maxLengthAnnotation = component.getAnnotation(MaxLength.class);
        this.maxLength = maxLengthAnnotation == null ? UNLIMITED : maxLengthAnnotation.value();
        Minimum minimumAnnotation = component.getAnnotation(Minimum.class);
        this.minimum = minimumAnnotation == null ? null : minimumAnnotation.value();
        Maximum maximumAnnotation = component.getAnnotation(Maximum.class);
        this.maximum = maximumAnnotation == null ? null : maximumAnnotation.value();
        MinItems minItemsAnnotation = component.getAnnotation(MinItems.class);
        this.minItems = minItemsAnnotation == null ? 0 : minItemsAnnotation.value();
        MaxItems maxItemsAnnotation = component.getAnnotation(MaxItems.class);
        this.maxItems = maxItemsAnnotation == null ? UNLIMITED : maxItemsAnnotation.value();
        DecimalPlaces decimalPlacesAnnotation = component.getAnnotation(DecimalPlaces.class);
        this.decimalPlaces = decimalPlacesAnnotation == null ? UNLIMITED : decimalPlacesAnnotation.value();
        this.absoluteUri = component.isAnnotationPresent(AbsoluteUri.class);
        this.numberAllowedAsText = component.isAnnotationPresent(NumberAllowedAsText.class);
        this.anyJsonAllowedAsText = component.isAnnotationPresent(AnyJsonAllowedAsText.class);
        if (optional && component.getType().isPrimitive()) {
            throw new IllegalArgumentException(component + ": an optional field needs a boxed type");
        }
        try {
            this.accessor = MethodHandles.publicLookup().unreflect(component.getAccessor())
                    .asType(MethodType.methodType(Object.class, Object.class));
        } catch (IllegalAccessException e) {
            throw new IllegalArgumentException(component + ": accessor not public", e);
        }
    }

    Object valueOf(Object record) {
        try {
            return accessor.invokeExact(record);
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }
}
