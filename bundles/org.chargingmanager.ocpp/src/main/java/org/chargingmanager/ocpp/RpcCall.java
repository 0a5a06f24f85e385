package org.chargingmanager.ocpp;

/** A CALL as far as {@link PendingCalls} needs to know it. */
public interface RpcCall {

    /** The unique id of the CALL; unique among the CALLs of one connection. */
    String messageId();

    /** The action's wire name, e.g. {@code SetChargingProfile}. */
    String actionName();
}
