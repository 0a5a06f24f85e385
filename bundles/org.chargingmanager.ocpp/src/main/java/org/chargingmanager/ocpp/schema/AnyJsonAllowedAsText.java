package org.chargingmanager.ocpp.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Leniency for a string field: any JSON value (object, array, number, boolean) is accepted
 * and kept as its compact JSON text. Chargers and payment terminals send DataTransfer data as
 * JSON objects although the specification says string. Encoding always writes a string.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface AnyJsonAllowedAsText {
}
