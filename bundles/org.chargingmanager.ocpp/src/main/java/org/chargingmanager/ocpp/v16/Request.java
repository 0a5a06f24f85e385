package org.chargingmanager.ocpp.v16;

/** The payload of a CALL: one record per action, named {@code <Action>Request}. */
public interface Request {

    /** The action this request belongs to. */
    Action action();
}
