package org.chargingmanager.ocpp;

import java.util.Optional;

/**
 * The error codes of an OCPP-J 1.6 CALLERROR, with their exact wire strings (including the
 * specification's spelling {@code OccurenceConstraintViolation}).
 */
public enum RpcErrorCode {
    /** The action is not known to the receiver. */
    NOT_IMPLEMENTED("NotImplemented"),
    /** The action is known but not supported by the receiver (e.g. sent in the wrong direction). */
    NOT_SUPPORTED("NotSupported"),
    /** The receiver failed while processing an otherwise valid message. */
    INTERNAL_ERROR("InternalError"),
    /** The payload or the frame is incomplete, or the message type id is unknown. */
    PROTOCOL_ERROR("ProtocolError"),
    /** The message was refused for security reasons. */
    SECURITY_ERROR("SecurityError"),
    /** The text is not JSON or not a valid OCPP-J frame. */
    FORMATION_VIOLATION("FormationViolation"),
    /** A field has a value outside what the specification allows (too long, negative, ...). */
    PROPERTY_CONSTRAINT_VIOLATION("PropertyConstraintViolation"),
    /** A required field is missing, or a list has too few or too many elements. */
    OCCURENCE_CONSTRAINT_VIOLATION("OccurenceConstraintViolation"),
    /** A field has the wrong type (string for integer, unknown enumeration value, bad date). */
    TYPE_CONSTRAINT_VIOLATION("TypeConstraintViolation"),
    /** Any other error. */
    GENERIC_ERROR("GenericError");

    private final String wireValue;

    RpcErrorCode(String wireValue) {
        this.wireValue = wireValue;
    }

    public String wireValue() {
        return wireValue;
    }

    /**
     * The code for a wire string. Also accepts {@code OccurrenceConstraintViolation}, the
     * spelling of OCPP 2.0, which some implementations send.
     */
    public static Optional<RpcErrorCode> fromWireValue(String wireValue) {
        if ("OccurrenceConstraintViolation".equals(wireValue)) {
            return Optional.of(OCCURENCE_CONSTRAINT_VIOLATION);
        }
        for (RpcErrorCode code : values()) {
            if (code.wireValue.equals(wireValue)) {
                return Optional.of(code);
            }
        }
        return Optional.empty();
    }
}
