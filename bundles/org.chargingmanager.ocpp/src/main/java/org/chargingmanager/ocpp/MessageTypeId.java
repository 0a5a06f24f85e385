package org.chargingmanager.ocpp;

import java.util.Optional;

/** The first element of every OCPP-J frame. */
public enum MessageTypeId {
    /** {@code [2, "<messageId>", "<action>", {payload}]} */
    CALL(2),
    /** {@code [3, "<messageId>", {payload}]} */
    CALLRESULT(3),
    /** {@code [4, "<messageId>", "<errorCode>", "<errorDescription>", {errorDetails}]} */
    CALLERROR(4);

    private final int number;

    MessageTypeId(int number) {
        this.number = number;
    }

    public int number() {
        return number;
    }

    public static Optional<MessageTypeId> fromNumber(int number) {
        for (MessageTypeId type : values()) {
            if (type.number == number) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }
}
