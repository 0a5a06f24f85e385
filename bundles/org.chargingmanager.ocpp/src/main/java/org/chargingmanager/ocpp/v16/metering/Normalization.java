package org.chargingmanager.ocpp.v16.metering;

import java.util.List;
import java.util.Optional;

import org.chargingmanager.ocpp.v16.Measurand;
import org.chargingmanager.ocpp.v16.Phase;

/** The outcome of normalising meter values: the numbers, and what could not be a number. */
public record Normalization(List<NormalizedSample> samples, List<SkippedSample> skipped) {

    public Normalization {
        samples = List.copyOf(samples);
        skipped = List.copyOf(skipped);
    }

    /**
     * The latest sample of this measurand and phase ({@code null}: the value without phase),
     * e.g. {@code latest(Measurand.CURRENT_IMPORT, Phase.L1)}.
     */
    public Optional<NormalizedSample> latest(Measurand measurand, Phase phase) {
        NormalizedSample latest = null;
        for (NormalizedSample sample : samples) {
            if (sample.measurand() == measurand && sample.phase() == phase
                    && (latest == null || !sample.timestamp().isBefore(latest.timestamp()))) {
                latest = sample;
            }
        }
        return Optional.ofNullable(latest);
    }
}
