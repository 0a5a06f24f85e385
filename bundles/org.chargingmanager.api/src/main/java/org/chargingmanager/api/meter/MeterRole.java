package org.chargingmanager.api.meter;

/** What a meter measures, so the load manager knows what to do with it. */
public enum MeterRole {
    /** The house connection: import from the grid is positive, export negative. */
    GRID,
    /** A photovoltaic system: production is positive. */
    PV,
    /** A battery storage: discharge is positive. */
    STORAGE,
    /** A consumer or a sub-distribution measured on its own. */
    CONSUMER
}
