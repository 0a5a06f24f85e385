package org.chargingmanager.ocpp.server.internal;

import java.util.concurrent.CompletableFuture;

import org.chargingmanager.ocpp.RpcCall;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.OutgoingCall;
import org.chargingmanager.ocpp.v16.Request;

/** A CALL we send to a charge point, and the future its confirmation completes. */
record OutboundCall(String messageId, Request request, CompletableFuture<Confirmation> result) implements RpcCall {

    @Override
    public String actionName() {
        return request.action().wireName();
    }

    OutgoingCall outgoing() {
        return new OutgoingCall(messageId, request);
    }
}
