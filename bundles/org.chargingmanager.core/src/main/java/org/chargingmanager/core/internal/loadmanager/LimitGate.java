package org.chargingmanager.core.internal.loadmanager;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

import org.chargingmanager.api.evse.ChargingLimit;

/**
 * Which computed limits are worth sending to a charging point. Pure.
 *
 * <p>A limit is compared after the device's resolution (a charger that sets 0.1 A steps does not
 * get 16.03 A after 16.01 A). A reduction is sent at once, always: the fuse depends on it. An
 * increase, or a change of the reason alone, waits until {@code increaseInterval} has passed since
 * the last limit was sent to that charging point: a car ramping up, a meter's noise or a neighbour
 * plugging in would otherwise cost a message every cycle. A change of the phases (1 or 3) is sent
 * at once; how often phases may change is the load manager's business.
 */
final class LimitGate {

    private LimitGate() {
    }

    /**
     * @param computed what the allocation gives now
     * @param lastSent what the charging point was sent last, or {@code null}
     * @param lastSentAt when, or {@code null}
     * @param resolutionMilliamps the steps the device can set (at least 1)
     * @return the limit to send now (rounded down to the resolution), or empty to send nothing
     */
    static Optional<ChargingLimit> next(ChargingLimit computed, ChargingLimit lastSent, Instant lastSentAt,
            Instant now, int resolutionMilliamps, Duration increaseInterval) {
        int step = Math.max(1, resolutionMilliamps);
        ChargingLimit rounded = computed.currentMilliamps() % step == 0 ? computed
                : new ChargingLimit(computed.currentMilliamps() / step * step, computed.reason(), computed.detail(),
                        computed.phases());
        if (lastSent == null || lastSentAt == null) {
            return Optional.of(rounded);
        }
        int before = lastSent.currentMilliamps() / step * step;
        if (rounded.currentMilliamps() < before || rounded.phases() != lastSent.phases()) {
            return Optional.of(rounded);
        }
        if (rounded.currentMilliamps() == before && rounded.reason() == lastSent.reason()
                && rounded.detail().equals(lastSent.detail())) {
            return Optional.empty();
        }
        boolean waited = !now.isBefore(lastSentAt.plus(increaseInterval));
        return waited ? Optional.of(rounded) : Optional.empty();
    }
}
