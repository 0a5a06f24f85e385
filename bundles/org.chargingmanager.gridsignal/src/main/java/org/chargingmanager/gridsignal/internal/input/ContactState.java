package org.chargingmanager.gridsignal.internal.input;

import java.time.Duration;
import java.time.Instant;

import org.chargingmanager.api.grid.GridSignal;

/**
 * The debounced state of an input's contacts and the value it gives. Pure and thread-safe: time comes in as an
 * argument.
 */
final class ContactState {

    private final Debouncer[] debouncers;
    private final boolean activeWhenClosed;
    private final ContactMapping mapping;
    private Instant lastContact;
    private boolean[] active;
    private double value = Double.NaN;

    /**
     * @param activeWhenClosed polarity: true if a closed contact demands the restriction, false if an open one does
     *        (normally-closed wiring, where a broken wire also restricts)
     */
    ContactState(int contacts, Duration debounce, boolean activeWhenClosed, ContactMapping mapping) {
        this.debouncers = new Debouncer[contacts];
        for (int i = 0; i < contacts; i++) {
            debouncers[i] = new Debouncer(debounce);
        }
        this.activeWhenClosed = activeWhenClosed;
        this.mapping = mapping;
    }

    /**
     * One successful reading.
     *
     * @param closed raw state per contact
     * @param now when it was read
     * @param contact when the device last proved alive (for pushed contacts the last push)
     * @return whether the value changed
     */
    synchronized boolean reading(boolean[] closed, Instant now, Instant contact) {
        boolean[] newActive = new boolean[debouncers.length];
        for (int i = 0; i < debouncers.length; i++) {
            boolean stableClosed = debouncers[i].update(closed[i], now);
            newActive[i] = stableClosed == activeWhenClosed;
        }
        lastContact = contact;
        active = newActive;
        double newValue = mapping.value(newActive);
        boolean changed = Double.compare(newValue, value) != 0;
        value = newValue;
        return changed;
    }

    synchronized GridSignal signal() {
        if (active == null) {
            return GridSignal.unknown("not read yet");
        }
        return new GridSignal(lastContact, value, mapping.describe(active));
    }
}
