package org.chargingmanager.smgw.internal;

import java.time.Instant;

import org.chargingmanager.api.grid.GridSignal;
import org.chargingmanager.api.grid.GridSignalSource;
import org.chargingmanager.api.grid.GridSourceInfo;

/**
 * The SMGW as a grid-signal source: alive while it calls (any valid request, {@code get_cm_vars} as heartbeat);
 * its value is the last {@code AVAIL} it set.
 */
final class SmgwSource implements GridSignalSource {

    static final String ID = "smgw";

    private final GridSourceInfo info;
    private volatile Instant lastContact;
    private volatile double value = Double.NaN;

    SmgwSource(GridSourceInfo info) {
        this.info = info;
    }

    void contact(Instant at) {
        lastContact = at;
    }

    void value(double newValue) {
        value = newValue;
    }

    @Override
    public GridSourceInfo info() {
        return info;
    }

    @Override
    public GridSignal current(Instant now) {
        double current = value;
        return new GridSignal(lastContact, current, Double.isNaN(current) ? "no " + info.variable() + " set yet"
                : info.variable() + " " + (long) current + " set by the SMGW");
    }
}
