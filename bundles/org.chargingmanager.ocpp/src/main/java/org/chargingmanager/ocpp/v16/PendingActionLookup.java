package org.chargingmanager.ocpp.v16;

import java.util.Optional;

/**
 * Tells the codec which action an answer belongs to: a CALLRESULT carries only the message
 * id of our CALL. {@link org.chargingmanager.ocpp.PendingCalls#outstandingActionName} fits:
 * {@code codec.decode(text, pendingCalls::outstandingActionName)}.
 */
@FunctionalInterface
public interface PendingActionLookup {

    /** The wire name of the action of our outstanding CALL with this id; empty if there is none. */
    Optional<String> actionNameOf(String messageId);

    /** For a side that never sends CALLs (e.g. in tests): every answer is unexpected. */
    static PendingActionLookup none() {
        return messageId -> Optional.empty();
    }
}
