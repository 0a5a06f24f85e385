package org.chargingmanager.gridsignal.internal;

import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;

/** Logs a problem once per key until it changes or is cleared, so a repeating failure fills no log. */
final class LogOnce {

    private final Logger log;
    private final Map<String, String> current = new ConcurrentHashMap<>();

    LogOnce(Logger log) {
        this.log = log;
    }

    void warn(String key, String message) {
        if (!Objects.equals(current.put(key, message), message)) {
            log.warn(message);
        }
    }

    /** @return whether there was a problem under {@code key} */
    boolean clear(String key) {
        return current.remove(key) != null;
    }
}
