package org.chargingmanager.wallbox.keba.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/**
 * The KEBA UDP interface's command spacing rules for one box (UDP Programmers Guide, "required command delays"):
 * at least 100 ms between any two commands, at least 5 s between repetitions of the same command, and at least
 * 2 s after a disabling command ({@code ena 0}, {@code currtime 0 1}). "The same command" is the same text:
 * {@code report 2} after {@code report 2}, {@code curr 10000} after {@code curr 10000}; {@code curr 8000} after
 * {@code curr 10000} is a new command. Pure: the caller passes the time; thread-safe.
 */
final class KebaCommandPacer {

    static final Duration BETWEEN_COMMANDS = Duration.ofMillis(100);
    static final Duration BETWEEN_REPEATS = Duration.ofSeconds(5);
    static final Duration AFTER_DISABLE = Duration.ofSeconds(2);

    /** Added to every rule, so that network jitter cannot make two commands arrive closer than allowed. */
    private final Duration margin;
    private final Map<String, Instant> lastSentByText = new HashMap<>();
    private Instant lastSent;
    private Instant quietUntil = Instant.MIN;

    KebaCommandPacer(Duration margin) {
        this.margin = margin;
    }

    /** Whether {@code command} may be sent at {@code now}. */
    synchronized boolean allows(String command, Instant now) {
        return !now.isBefore(earliest(command));
    }

    /** The earliest time {@code command} may be sent. */
    synchronized Instant earliest(String command) {
        Instant earliest = quietUntil;
        if (lastSent != null) {
            earliest = max(earliest, lastSent.plus(BETWEEN_COMMANDS).plus(margin));
        }
        Instant same = lastSentByText.get(command);
        if (same != null) {
            earliest = max(earliest, same.plus(BETWEEN_REPEATS).plus(margin));
        }
        return earliest;
    }

    /** Records that {@code command} was sent at {@code now}. */
    synchronized void sent(String command, Instant now) {
        lastSent = now;
        lastSentByText.put(command, now);
        if (disables(command)) {
            quietUntil = now.plus(AFTER_DISABLE).plus(margin);
        }
        lastSentByText.values().removeIf(at -> at.plus(BETWEEN_REPEATS).plus(margin).isBefore(now));
    }

    /** {@code ena 0} and {@code currtime 0 ...} stop charging; the box needs 2 s after them. */
    static boolean disables(String command) {
        return command.equals("ena 0") || command.startsWith("currtime 0 ");
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
