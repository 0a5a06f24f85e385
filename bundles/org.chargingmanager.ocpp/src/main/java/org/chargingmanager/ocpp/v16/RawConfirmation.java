package org.chargingmanager.ocpp.v16;

import java.util.Objects;

/**
 * An answer to a CALL sent exactly as this JSON text: for a relay that passes another party's
 * confirmation through byte for byte (e.g. a backend's DataTransfer answer to a wallbox). The
 * text must be a JSON object valid for the action; the relay took it from a frame the codec
 * accepted.
 *
 * @param payloadJson the CALLRESULT's payload, a JSON object
 * @since 1.2
 */
public record RawConfirmation(String payloadJson) {

    public RawConfirmation {
        Objects.requireNonNull(payloadJson, "payloadJson");
        if (!payloadJson.strip().startsWith("{")) {
            throw new IllegalArgumentException("a confirmation payload is a JSON object");
        }
    }
}
