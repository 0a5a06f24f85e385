package org.chargingmanager.ocpp.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leniency for a string field: a JSON number is accepted too and kept as the exact text it
 * was written with ({@code 1234.50} stays {@code "1234.50"}). Some chargers send sampled
 * values as numbers although the specification says string.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface NumberAllowedAsText {
}
