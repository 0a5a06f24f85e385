package org.chargingmanager.ocpp.server;

/** A CALL to a charge point that did not get a confirmation; the message says why. */
public class OcppCallException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final String errorCode;

    /**
     * @param errorCode the CALLERROR code received, or {@code Offline}, {@code Timeout},
     *        {@code QueueFull}, {@code InvalidResponse}
     */
    public OcppCallException(String errorCode, String message) {
        super(message);
        this.errorCode = errorCode;
    }

    public String errorCode() {
        return errorCode;
    }
}
