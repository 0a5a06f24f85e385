package org.chargingmanager.ocpp.v16.metering;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.chargingmanager.ocpp.v16.Location;
import org.chargingmanager.ocpp.v16.Measurand;
import org.chargingmanager.ocpp.v16.MeterValue;
import org.chargingmanager.ocpp.v16.ReadingContext;
import org.chargingmanager.ocpp.v16.SampledValue;
import org.chargingmanager.ocpp.v16.UnitOfMeasure;
import org.chargingmanager.ocpp.v16.ValueFormat;

/**
 * Turns sampled values into numbers in base units: kW to W, kWh to Wh, kvar to var, K and °F
 * to °C, per measurand and phase.
 *
 * <p>A sample without unit gets its measurand's base unit (Wh for energy, W for power, A for
 * current, V for voltage, ...). The specification says the default is Wh, which is right only
 * for its default measurand (Energy.Active.Import.Register); chargers that leave out the unit
 * of a current mean amperes, not watt-hours.
 */
public final class MeterValueNormalizer {

    private MeterValueNormalizer() {
    }

    public static Normalization normalize(List<MeterValue> meterValues) {
        List<NormalizedSample> samples = new ArrayList<>();
        List<SkippedSample> skipped = new ArrayList<>();
        for (MeterValue meterValue : meterValues) {
            for (SampledValue sampledValue : meterValue.sampledValue()) {
                String problem = problemOf(sampledValue);
                if (problem != null) {
                    skipped.add(new SkippedSample(sampledValue, problem));
                } else {
                    samples.add(normalize(meterValue, sampledValue));
                }
            }
        }
        return new Normalization(samples, skipped);
    }

    private static String problemOf(SampledValue sampledValue) {
        if (sampledValue.format() == ValueFormat.SIGNED_DATA) {
            return "signed data";
        }
        if (parse(sampledValue.value()) == null) {
            return "not a decimal number";
        }
        if (conversionOf(measurandOf(sampledValue), sampledValue.unit()) == null) {
            return "unit " + sampledValue.unit().wireValue() + " does not fit " + measurandOf(sampledValue).wireValue();
        }
        return null;
    }

    private static NormalizedSample normalize(MeterValue meterValue, SampledValue sampledValue) {
        Measurand measurand = measurandOf(sampledValue);
        Conversion conversion = conversionOf(measurand, sampledValue.unit());
        double value = conversion.apply(parse(sampledValue.value()));
        return new NormalizedSample(meterValue.timestamp(), measurand, sampledValue.phase(),
                sampledValue.location() == null ? Location.OUTLET : sampledValue.location(),
                sampledValue.context() == null ? ReadingContext.SAMPLE_PERIODIC : sampledValue.context(),
                value, conversion.unit());
    }

    private static Measurand measurandOf(SampledValue sampledValue) {
        return sampledValue.measurand() == null ? Measurand.ENERGY_ACTIVE_IMPORT_REGISTER : sampledValue.measurand();
    }

    /** The value, or null when it is no decimal number within double's range (NaN, hex and {@code 1d} included). */
    private static BigDecimal parse(String text) {
        try {
            BigDecimal value = new BigDecimal(text.trim());
            return Double.isFinite(value.doubleValue()) ? value : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** How a value of this measurand in this unit becomes a base unit; null when the unit does not fit. */
    private static Conversion conversionOf(Measurand measurand, UnitOfMeasure unit) {
        switch (measurand) {
            case ENERGY_ACTIVE_EXPORT_REGISTER, ENERGY_ACTIVE_IMPORT_REGISTER,
                    ENERGY_ACTIVE_EXPORT_INTERVAL, ENERGY_ACTIVE_IMPORT_INTERVAL:
                return scaled(unit, UnitOfMeasure.WATT_HOURS, UnitOfMeasure.KILOWATT_HOURS, BaseUnit.WATT_HOURS);
            case ENERGY_REACTIVE_EXPORT_REGISTER, ENERGY_REACTIVE_IMPORT_REGISTER,
                    ENERGY_REACTIVE_EXPORT_INTERVAL, ENERGY_REACTIVE_IMPORT_INTERVAL:
                return scaled(unit, UnitOfMeasure.VAR_HOURS, UnitOfMeasure.KILOVAR_HOURS, BaseUnit.VAR_HOURS);
            case POWER_ACTIVE_EXPORT, POWER_ACTIVE_IMPORT, POWER_OFFERED:
                return scaled(unit, UnitOfMeasure.WATTS, UnitOfMeasure.KILOWATTS, BaseUnit.WATTS);
            case POWER_REACTIVE_EXPORT, POWER_REACTIVE_IMPORT:
                return scaled(unit, UnitOfMeasure.VARS, UnitOfMeasure.KILOVARS, BaseUnit.VARS);
            case CURRENT_IMPORT, CURRENT_EXPORT, CURRENT_OFFERED:
                return only(unit, UnitOfMeasure.AMPERES, BaseUnit.AMPERES);
            case VOLTAGE:
                return only(unit, UnitOfMeasure.VOLTS, BaseUnit.VOLTS);
            case FREQUENCY:
                return only(unit, UnitOfMeasure.HERTZ, BaseUnit.HERTZ);
            case STATE_OF_CHARGE:
                return only(unit, UnitOfMeasure.PERCENT, BaseUnit.PERCENT);
            case POWER_FACTOR:
                return unit == null ? Conversion.identity(BaseUnit.DIMENSIONLESS) : null;
            case RPM:
                return unit == null ? Conversion.identity(BaseUnit.REVOLUTIONS_PER_MINUTE) : null;
            case TEMPERATURE:
                return temperature(unit);
            default:
                return null;
        }
    }

    private static Conversion scaled(UnitOfMeasure unit, UnitOfMeasure base, UnitOfMeasure kilo, BaseUnit baseUnit) {
        if (unit == null || unit == base) {
            return Conversion.identity(baseUnit);
        }
        return unit == kilo ? new Conversion(3, 1, 0, baseUnit) : null;
    }

    private static Conversion only(UnitOfMeasure unit, UnitOfMeasure base, BaseUnit baseUnit) {
        return unit == null || unit == base ? Conversion.identity(baseUnit) : null;
    }

    private static Conversion temperature(UnitOfMeasure unit) {
        if (unit == null || unit == UnitOfMeasure.CELSIUS || unit == UnitOfMeasure.CELCIUS) {
            return Conversion.identity(BaseUnit.DEGREES_CELSIUS);
        }
        if (unit == UnitOfMeasure.KELVIN) {
            return new Conversion(0, 1, -273.15, BaseUnit.DEGREES_CELSIUS);
        }
        if (unit == UnitOfMeasure.FAHRENHEIT) {
            return new Conversion(0, 5.0 / 9.0, -32 * 5.0 / 9.0, BaseUnit.DEGREES_CELSIUS);
        }
        return null;
    }

    /**
     * {@code base = value * 10^powerOfTen * factor + offset}; the power of ten is applied to the
     * decimal, so {@code 12.345 kWh} becomes exactly {@code 12345 Wh}.
     */
    private record Conversion(int powerOfTen, double factor, double offset, BaseUnit unit) {

        static Conversion identity(BaseUnit unit) {
            return new Conversion(0, 1, 0, unit);
        }

        double apply(BigDecimal value) {
            double scaled = value.scaleByPowerOfTen(powerOfTen).doubleValue();
            return factor == 1 && offset == 0 ? scaled : scaled * factor + offset;
        }
    }
}
