package org.chargingmanager.wallbox.goe.internal;

/** The box did not answer, answered with an HTTP error, or sent what is not its JSON. */
final class GoeException extends Exception {

    private static final long serialVersionUID = 1L;

    private final boolean notFound;
    private final boolean refused;

    GoeException(String message) {
        this(message, false, false);
    }

    GoeException(String message, boolean notFound) {
        this(message, notFound, false);
    }

    private GoeException(String message, boolean notFound, boolean refused) {
        super(message);
        this.notFound = notFound;
        this.refused = refused;
    }

    /** The box answered but did not take a value. */
    static GoeException refused(String message) {
        return new GoeException(message, false, true);
    }

    boolean refused() {
        return refused;
    }

    /** HTTP 404: the API asked for is not there (v2 on an old firmware, or v2 switched off in the app). */
    boolean notFound() {
        return notFound;
    }
}
