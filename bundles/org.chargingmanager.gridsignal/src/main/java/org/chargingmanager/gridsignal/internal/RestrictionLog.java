package org.chargingmanager.gridsignal.internal;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.grid.GridLogException;
import org.chargingmanager.api.grid.Restriction;

/** Where restriction periods are kept. */
interface RestrictionLog extends AutoCloseable {

    /** Records the start of a period; returns its id. */
    long open(String sourceId, String kind, Instant start, double requestedLimit, String unit, boolean failsafe)
            throws GridLogException;

    /** Stores the figures so far (a period still open after a crash keeps them). */
    void update(long id, Instant at, PowerStats stats) throws GridLogException;

    void close(long id, Instant end, PowerStats stats) throws GridLogException;

    /** Periods overlapping {@code [from, to)}, oldest first. */
    List<Restriction> query(Instant from, Instant to) throws GridLogException;

    /** Ends periods left open by a previous run at their last update; returns how many. */
    int closeDangling() throws GridLogException;

    /** Deletes periods that ended before {@code cutoff}; returns how many. */
    int deleteEndedBefore(Instant cutoff) throws GridLogException;

    @Override
    void close();
}
