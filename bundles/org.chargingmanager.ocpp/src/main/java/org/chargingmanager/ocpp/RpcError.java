package org.chargingmanager.ocpp;

import java.util.Objects;

/**
 * A CALLERROR, to send or as received.
 *
 * @param messageId the unique id of the CALL it answers; {@link #UNKNOWN_MESSAGE_ID} when the
 *        faulty frame's id could not be read
 * @param code the error code
 * @param description human-readable, names the offending field where there is one, e.g.
 *        {@code chargePointVendor: longer than 20 characters}
 * @param detailsJson the errorDetails object as compact JSON text, {@code {}} when there are none
 */
public record RpcError(String messageId, RpcErrorCode code, String description, String detailsJson) {

    /**
     * The message id used when the faulty frame's id cannot be read. OCPP 1.6 does not say what
     * to send then; OCPP 2.0.1 prescribes {@code "-1"}, and we follow it.
     */
    public static final String UNKNOWN_MESSAGE_ID = "-1";

    public RpcError {
        Objects.requireNonNull(messageId, "messageId");
        Objects.requireNonNull(code, "code");
        description = description == null ? "" : description;
        detailsJson = detailsJson == null || detailsJson.isBlank() ? "{}" : detailsJson;
    }

    /** An error without details. */
    public static RpcError of(String messageId, RpcErrorCode code, String description) {
        return new RpcError(messageId, code, description, "{}");
    }
}
