package org.chargingmanager.ocpp.internal;

import com.google.gson.JsonObject;

import org.chargingmanager.ocpp.RpcError;

/** An OCPP-J frame whose envelope is valid, with its payload still as JSON. */
public sealed interface RawFrame {

    record Call(String messageId, String actionName, JsonObject payload) implements RawFrame {
    }

    record CallResult(String messageId, JsonObject payload) implements RawFrame {
    }

    record CallError(RpcError error) implements RawFrame {
    }

    /**
     * The text is not a valid frame. {@code responseMessageId} is set when the frame is a
     * CALLRESULT or CALLERROR whose id could be read: it answers a CALL of ours, and no
     * CALLERROR may be sent back.
     */
    record Invalid(RpcError error, String responseMessageId) implements RawFrame {
    }
}
