package org.chargingmanager.gridsignal.internal;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.grid.GridLogException;
import org.chargingmanager.api.grid.Restriction;

/**
 * The restriction log while it is being opened in the background (opening a database must not hold up the
 * framework's start): every call fails with a message until {@link #opened} hands over the real log.
 */
final class OpeningLog implements RestrictionLog {

    private volatile RestrictionLog delegate;
    private volatile String problem = "the restriction log is still being opened";

    void opened(RestrictionLog log) {
        delegate = log;
    }

    void failed(String message) {
        problem = message;
    }

    private RestrictionLog log() throws GridLogException {
        RestrictionLog log = delegate;
        if (log == null) {
            throw new GridLogException(problem, null);
        }
        return log;
    }

    @Override
    public long open(String sourceId, String kind, Instant start, double requestedLimit, String unit, boolean failsafe)
            throws GridLogException {
        return log().open(sourceId, kind, start, requestedLimit, unit, failsafe);
    }

    @Override
    public void update(long id, Instant at, PowerStats stats) throws GridLogException {
        log().update(id, at, stats);
    }

    @Override
    public void close(long id, Instant end, PowerStats stats) throws GridLogException {
        log().close(id, end, stats);
    }

    @Override
    public List<Restriction> query(Instant from, Instant to) throws GridLogException {
        return log().query(from, to);
    }

    @Override
    public int closeDangling() throws GridLogException {
        return log().closeDangling();
    }

    @Override
    public int deleteEndedBefore(Instant cutoff) throws GridLogException {
        return log().deleteEndedBefore(cutoff);
    }

    @Override
    public void close() {
        RestrictionLog log = delegate;
        if (log != null) {
            log.close();
        }
    }
}
