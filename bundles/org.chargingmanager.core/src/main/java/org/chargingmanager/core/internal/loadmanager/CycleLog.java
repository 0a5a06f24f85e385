package org.chargingmanager.core.internal.loadmanager;

import java.util.List;
import java.util.function.Consumer;

import org.slf4j.Logger;

/**
 * Logs what one cycle changed: each line at its level while they are few; when many charging
 * points change at once (thousands of OCPP chargers reconnecting after a restart) the first few,
 * then one line with the count, and the rest at DEBUG — one line per event worth knowing, not
 * 15,000 lines in a second.
 */
final class CycleLog {

    static final int MAX_LINES = 20;
    static final int SAMPLE_LINES = 5;

    private CycleLog() {
    }

    /**
     * @param atLevel writes one line at the lines' level (INFO, WARN)
     * @param what what the lines are about, e.g. "limit changes"
     */
    static void report(List<String> lines, Consumer<String> atLevel, Logger logger, String what) {
        if (lines.size() <= MAX_LINES) {
            lines.forEach(atLevel);
            return;
        }
        lines.subList(0, SAMPLE_LINES).forEach(atLevel);
        atLevel.accept("... and " + (lines.size() - SAMPLE_LINES) + " more " + what + " in this cycle (each at DEBUG)");
        if (logger.isDebugEnabled()) {
            lines.subList(SAMPLE_LINES, lines.size()).forEach(line -> logger.debug("{}", line));
        }
    }
}
