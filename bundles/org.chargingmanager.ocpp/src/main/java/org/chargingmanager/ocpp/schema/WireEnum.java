package org.chargingmanager.ocpp.schema;

/**
 * An enumeration whose constants travel as fixed strings, e.g. {@code SuspendedEVSE} or
 * {@code Energy.Active.Import.Register}. Every enum used in a message record implements it.
 */
public interface WireEnum {

    /** The exact string on the wire. */
    String wireValue();
}
