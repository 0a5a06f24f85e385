package org.chargingmanager.ocpp.v16.metering;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.ocpp.v16.Location;
import org.chargingmanager.ocpp.v16.Measurand;
import org.chargingmanager.ocpp.v16.MeterValue;
import org.chargingmanager.ocpp.v16.Phase;
import org.chargingmanager.ocpp.v16.ReadingContext;
import org.chargingmanager.ocpp.v16.SampledValue;
import org.chargingmanager.ocpp.v16.UnitOfMeasure;
import org.chargingmanager.ocpp.v16.ValueFormat;
import org.junit.jupiter.api.Test;

class MeterValueNormalizerTest {

    private static final Instant T0 = Instant.parse("2024-05-01T10:15:30Z");

    private static SampledValue sample(String value, Measurand measurand, Phase phase, UnitOfMeasure unit) {
        return new SampledValue(value, null, null, measurand, phase, null, unit);
    }

    private static Normalization normalize(SampledValue... sampledValues) {
        return MeterValueNormalizer.normalize(List.of(new MeterValue(T0, List.of(sampledValues))));
    }

    @Test
    void kiloUnitsBecomeBaseUnitsExactly() {
        Normalization normalization = normalize(
                sample("12.345", Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, UnitOfMeasure.KILOWATT_HOURS),
                sample("11.04", Measurand.POWER_ACTIVE_IMPORT, null, UnitOfMeasure.KILOWATTS),
                sample("1.5", Measurand.POWER_REACTIVE_IMPORT, null, UnitOfMeasure.KILOVARS),
                sample("0.25", Measurand.ENERGY_REACTIVE_IMPORT_REGISTER, null, UnitOfMeasure.KILOVAR_HOURS));

        assertThat(normalization.samples()).extracting(NormalizedSample::value, NormalizedSample::unit).containsExactly(
                org.assertj.core.groups.Tuple.tuple(12345.0, BaseUnit.WATT_HOURS),
                org.assertj.core.groups.Tuple.tuple(11040.0, BaseUnit.WATTS),
                org.assertj.core.groups.Tuple.tuple(1500.0, BaseUnit.VARS),
                org.assertj.core.groups.Tuple.tuple(250.0, BaseUnit.VAR_HOURS));
    }

    @Test
    void valuesAreKeptPerMeasurandAndPhase() {
        Normalization normalization = normalize(
                sample("16.1", Measurand.CURRENT_IMPORT, Phase.L1, UnitOfMeasure.AMPERES),
                sample("15.9", Measurand.CURRENT_IMPORT, Phase.L2, UnitOfMeasure.AMPERES),
                sample("231.2", Measurand.VOLTAGE, Phase.L1_N, UnitOfMeasure.VOLTS),
                sample("3700", Measurand.POWER_ACTIVE_IMPORT, Phase.L1, UnitOfMeasure.WATTS));

        assertThat(normalization.latest(Measurand.CURRENT_IMPORT, Phase.L2)).get()
                .extracting(NormalizedSample::value).isEqualTo(15.9);
        assertThat(normalization.latest(Measurand.VOLTAGE, Phase.L1_N)).get()
                .extracting(NormalizedSample::unit).isEqualTo(BaseUnit.VOLTS);
        assertThat(normalization.latest(Measurand.POWER_ACTIVE_IMPORT, null)).isEmpty();
    }

    @Test
    void absentFieldsGetTheSpecificationsDefaultsAndTheMeasurandsBaseUnit() {
        Normalization normalization = normalize(new SampledValue("15234", null, null, null, null, null, null),
                sample("16", Measurand.CURRENT_OFFERED, null, null));

        assertThat(normalization.samples()).containsExactly(
                new NormalizedSample(T0, Measurand.ENERGY_ACTIVE_IMPORT_REGISTER, null, Location.OUTLET,
                        ReadingContext.SAMPLE_PERIODIC, 15234, BaseUnit.WATT_HOURS),
                new NormalizedSample(T0, Measurand.CURRENT_OFFERED, null, Location.OUTLET,
                        ReadingContext.SAMPLE_PERIODIC, 16, BaseUnit.AMPERES));
    }

    @Test
    void temperaturesBecomeDegreesCelsius() {
        Normalization normalization = normalize(
                sample("300.15", Measurand.TEMPERATURE, null, UnitOfMeasure.KELVIN),
                sample("80.6", Measurand.TEMPERATURE, null, UnitOfMeasure.FAHRENHEIT),
                sample("27", Measurand.TEMPERATURE, null, UnitOfMeasure.CELCIUS));

        assertThat(normalization.samples()).allSatisfy(sample -> {
            assertThat(sample.unit()).isEqualTo(BaseUnit.DEGREES_CELSIUS);
            assertThat(sample.value()).isCloseTo(27.0, within(1e-9));
        });
    }

    @Test
    void signedDataGarbageAndUnitsThatDoNotFitAreSkippedWithTheReason() {
        SampledValue signed = new SampledValue("OCMF|{}|{}", null, ValueFormat.SIGNED_DATA, null, null, null, null);
        SampledValue garbage = sample("n/a", Measurand.VOLTAGE, null, null);
        SampledValue notANumber = sample("NaN", Measurand.VOLTAGE, null, null);
        SampledValue wrongUnit = sample("16", Measurand.CURRENT_IMPORT, null, UnitOfMeasure.WATTS);

        Normalization normalization = normalize(signed, garbage, notANumber, wrongUnit);

        assertThat(normalization.samples()).isEmpty();
        assertThat(normalization.skipped()).containsExactly(new SkippedSample(signed, "signed data"),
                new SkippedSample(garbage, "not a decimal number"), new SkippedSample(notANumber, "not a decimal number"),
                new SkippedSample(wrongUnit, "unit W does not fit Current.Import"));
    }
}
