package org.chargingmanager.ocpp.v16;

/**
 * The payload of a CALLRESULT, the specification's ".conf": one record per action, named
 * {@code <Action>Confirmation}.
 */
public interface Confirmation {

    /** The action of the request this confirmation answers. */
    Action action();
}
