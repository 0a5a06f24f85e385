package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.RpcError;

/**
 * What {@link Ocpp16JsonCodec#decode} made of a received text frame. Exactly one of:
 * <ul>
 * <li>{@link Call}: a valid CALL; handle it and send its confirmation (or a CALLERROR);</li>
 * <li>{@link Result}: a valid CALLRESULT for our outstanding CALL;</li>
 * <li>{@link ErrorReceived}: a CALLERROR for our outstanding CALL;</li>
 * <li>{@link Rejected}: the frame broke the rules and must be answered with the given
 * CALLERROR (a bad CALL, or text that is no frame at all);</li>
 * <li>{@link InvalidResponse}: a CALLRESULT or CALLERROR for our outstanding CALL that broke
 * the rules; fail that CALL, send nothing;</li>
 * <li>{@link UnexpectedResponse}: a CALLRESULT or CALLERROR for no outstanding CALL (late,
 * after a timeout, or unknown); ignore it.</li>
 * </ul>
 */
public sealed interface Inbound {

    record Call(String messageId, Request request) implements Inbound {
    }

    record Result(String messageId, Confirmation confirmation) implements Inbound {
    }

    record ErrorReceived(RpcError error) implements Inbound {
    }

    /** @param reply the CALLERROR to send back, with the frame's message id where readable */
    record Rejected(RpcError reply) implements Inbound {
    }

    /** @param problem what was wrong; its code and description are for logs, not for sending */
    record InvalidResponse(String messageId, RpcError problem) implements Inbound {
    }

    record UnexpectedResponse(String messageId) implements Inbound {
    }
}
