package org.chargingmanager.ocpp.schema;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Maximum length of a string field in characters, such as the specification's CiString20Type
 * ({@code @MaxLength(20)}). On a list of strings it applies to each element.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.RECORD_COMPONENT)
public @interface MaxLength {
    int value();
}
