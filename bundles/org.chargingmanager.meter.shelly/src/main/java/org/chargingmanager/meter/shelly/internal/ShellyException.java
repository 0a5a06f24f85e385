package org.chargingmanager.meter.shelly.internal;

/** The meter did not answer, refused the password, or sent what is not its JSON. Messages never hold the password. */
final class ShellyException extends Exception {

    private static final long serialVersionUID = 1L;

    ShellyException(String message) {
        super(message);
    }
}
