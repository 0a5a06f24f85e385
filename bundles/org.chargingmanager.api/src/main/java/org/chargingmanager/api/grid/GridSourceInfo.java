package org.chargingmanager.api.grid;

import java.time.Duration;
import java.util.Objects;

/**
 * The fixed facts of a {@link GridSignalSource}.
 *
 * @param id unique among the sources, e.g. {@code smgw} or {@code input-p14a}; appears in the restriction log
 * @param kind what it is, e.g. {@code SMGW}, {@code §14a control box}, {@code ripple control}, {@code Modbus}
 * @param variable the variable the grid-signal service writes the value into, e.g. {@code AVAIL}
 * @param unit the unit of the value: {@code %} or {@code W}
 * @param unrestrictedValue the value that means "no restriction" (e.g. 100 %); a lower value restricts the site
 * @param failsafe what happens when the source is lost
 */
public record GridSourceInfo(String id, String kind, String variable, String unit, double unrestrictedValue,
        FailsafeSettings failsafe) {

    public GridSourceInfo {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(variable, "variable");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(failsafe, "failsafe");
    }

    /**
     * The liveness rule and the failsafe limit of a source.
     *
     * @param lostAfter the source counts as lost when its last contact is older than this; {@link Duration#ZERO}
     *        for a source without a liveness rule (it is never lost)
     * @param limit the value its variable gets while the source is lost (or the source's own value, if that is
     *        lower)
     * @param minimumDuration how long the failsafe limit applies at least, even when the source comes back
     *        sooner (e.g. 2 h as in the EEBus LPC use case)
     */
    public record FailsafeSettings(Duration lostAfter, double limit, Duration minimumDuration) {

        public FailsafeSettings {
            Objects.requireNonNull(lostAfter, "lostAfter");
            Objects.requireNonNull(minimumDuration, "minimumDuration");
            if (lostAfter.isNegative() || minimumDuration.isNegative()) {
                throw new IllegalArgumentException("durations must not be negative");
            }
        }

        /** A source that is never lost. */
        public static FailsafeSettings none() {
            return new FailsafeSettings(Duration.ZERO, Double.NaN, Duration.ZERO);
        }

        public boolean enabled() {
            return !lostAfter.isZero();
        }
    }
}
