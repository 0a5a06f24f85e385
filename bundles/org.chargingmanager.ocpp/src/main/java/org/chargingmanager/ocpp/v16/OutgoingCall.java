package org.chargingmanager.ocpp.v16;

import java.util.Objects;

import org.chargingmanager.ocpp.RpcCall;

/**
 * A CALL we send: its unique id and request. Ready for {@link org.chargingmanager.ocpp.PendingCalls};
 * a session that needs more (a future, a retry count) wraps it in its own {@code RpcCall}.
 *
 * @param messageId unique among the CALLs of one connection, at most 36 characters (a UUID fits)
 */
public record OutgoingCall(String messageId, Request request) implements RpcCall {

    public OutgoingCall {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(request, "request");
    }

    @Override
    public String actionName() {
        return request.action().wireName();
    }
}
