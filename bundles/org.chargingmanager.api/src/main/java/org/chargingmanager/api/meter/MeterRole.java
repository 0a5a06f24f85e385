package org.chargingmanager.api.meter;

/** What a meter measures, so the load manager knows what to do with it. */
public enum MeterRole {
    /** The house connection: import from the grid is positive, export negative. */
    GRID,
    /** A photovoltaic system: production is positive. */
    PV,
    /** A battery storage: discharge is positive. */
    STORAGE,
    /** A consumer measured on its own (a heat pump, a wallbox without its own meter). */
    CONSUMER,
    /**
     * A sub-distribution behind the grid connection (a garage or car park board with its own fuse),
     * measured at its feed: the load of everything on that board.
     *
     * @since 1.1
     */
    SUBDISTRIBUTION
}
