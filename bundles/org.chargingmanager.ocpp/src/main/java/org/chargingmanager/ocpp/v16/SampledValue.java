package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.NumberAllowedAsText;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * One measured value. With format {@link ValueFormat#SIGNED_DATA} the value is signed data (e.g.
 * OCMF), kept exactly as received.
 *
 * @param value the value as text: a decimal number for raw values, signed data otherwise. Never re-encoded
 * @param context absent means Sample.Periodic
 * @param format absent means Raw
 * @param measurand absent means Energy.Active.Import.Register
 * @param location absent means Outlet
 * @param unit absent means the measurand's base unit (Wh for energy)
 */
public record SampledValue(
        @NumberAllowedAsText String value,
        @OptionalField ReadingContext context,
        @OptionalField ValueFormat format,
        @OptionalField Measurand measurand,
        @OptionalField Phase phase,
        @OptionalField Location location,
        @OptionalField UnitOfMeasure unit) {
}
