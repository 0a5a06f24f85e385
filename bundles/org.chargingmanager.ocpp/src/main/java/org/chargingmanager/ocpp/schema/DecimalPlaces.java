package org.chargingmanager.ocpp.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Largest number of digits after the decimal point of a decimal field, e.g. {@code 1} for the
 * specification's "at most one digit fraction" ({@code 8.1}).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface DecimalPlaces {
    int value();
}
