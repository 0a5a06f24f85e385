package org.chargingmanager.meter.sma.internal;

import java.util.Map;
import java.util.OptionalLong;

/**
 * One energy meter telegram: who sent it and its OBIS values, keyed by {@link #key(int, int)} (channel and type: 4
 * for an actual value, 8 for a counter), raw (power 0.1 W, energy Ws, current mA, voltage mV).
 */
record SmaTelegram(int susyId, long serial, long tickMillis, Map<Integer, Long> values) {

    static final int ACTUAL = 4;
    static final int COUNTER = 8;

    static int key(int channel, int type) {
        return channel << 8 | type;
    }

    OptionalLong actual(int channel) {
        Long value = values.get(key(channel, ACTUAL));
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }

    OptionalLong counter(int channel) {
        Long value = values.get(key(channel, COUNTER));
        return value == null ? OptionalLong.empty() : OptionalLong.of(value);
    }
}
