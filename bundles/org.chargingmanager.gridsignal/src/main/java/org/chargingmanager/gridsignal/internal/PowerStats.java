package org.chargingmanager.gridsignal.internal;

/** Minimum, mean and maximum of the power measured during a restriction. Not thread-safe. */
final class PowerStats {

    private double min = Double.NaN;
    private double max = Double.NaN;
    private double sum;
    private long samples;

    void add(double powerWatts) {
        if (!Double.isFinite(powerWatts)) {
            return;
        }
        min = samples == 0 ? powerWatts : Math.min(min, powerWatts);
        max = samples == 0 ? powerWatts : Math.max(max, powerWatts);
        sum += powerWatts;
        samples++;
    }

    double minWatts() {
        return min;
    }

    double maxWatts() {
        return max;
    }

    double avgWatts() {
        return samples == 0 ? Double.NaN : sum / samples;
    }

    long samples() {
        return samples;
    }
}
