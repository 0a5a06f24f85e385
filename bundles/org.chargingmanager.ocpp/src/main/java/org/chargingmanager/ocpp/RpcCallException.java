package org.chargingmanager.ocpp;

/**
 * Why a CALL we sent got no confirmation: the peer answered with a CALLERROR ({@link #code()}
 * is its error code, e.g. {@code NotSupported}), or one of {@link #OFFLINE}, {@link #TIMEOUT},
 * {@link #QUEUE_FULL}, {@link #INVALID_RESPONSE}.
 */
public final class RpcCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** The connection closed (or was not open) before the answer came. */
    public static final String OFFLINE = "Offline";
    /** The peer did not answer within the response timeout. */
    public static final String TIMEOUT = "Timeout";
    /** Too many CALLs waiting behind the outstanding one. */
    public static final String QUEUE_FULL = "QueueFull";
    /** The peer's answer broke the schema. */
    public static final String INVALID_RESPONSE = "InvalidResponse";

    private final String code;

    public RpcCallException(String code, String message) {
        super(message);
        this.code = code;
    }

    /** The peer's CALLERROR code or one of the constants of this class. */
    public String code() {
        return code;
    }
}
