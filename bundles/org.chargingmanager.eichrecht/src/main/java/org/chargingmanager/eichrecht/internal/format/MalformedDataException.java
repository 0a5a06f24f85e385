package org.chargingmanager.eichrecht.internal.format;

/** Signed data of a known format is broken; the message says how, for users. */
public class MalformedDataException extends Exception {

    public MalformedDataException(String message) {
        super(message);
    }
}
