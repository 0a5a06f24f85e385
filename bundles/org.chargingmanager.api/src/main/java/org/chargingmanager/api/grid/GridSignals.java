package org.chargingmanager.api.grid;

import java.time.Instant;
import java.util.List;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The grid-signal service: evaluates every {@link GridSignalSource}, applies failsafe limits and keeps the
 * restriction log (at least 2 years).
 */
@ProviderType
public interface GridSignals {

    /** Tells the service that a source's signal changed, so it is applied at once instead of at the next tick. */
    void signalChanged(String sourceId);

    /** The state of every source, sorted by id. */
    List<GridSourceStatus> status();

    /**
     * The restriction periods that overlap {@code [from, to)}, oldest first, including one that still applies.
     *
     * @throws GridLogException if the log cannot be read
     */
    List<Restriction> restrictions(Instant from, Instant to) throws GridLogException;
}
