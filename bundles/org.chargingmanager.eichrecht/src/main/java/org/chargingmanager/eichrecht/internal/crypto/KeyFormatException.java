package org.chargingmanager.eichrecht.internal.crypto;

/** A text that should be a public key is not one we can use; the message says why, for users. */
public class KeyFormatException extends Exception {

    public KeyFormatException(String message) {
        super(message);
    }
}
