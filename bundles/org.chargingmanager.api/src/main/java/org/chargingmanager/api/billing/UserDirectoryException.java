package org.chargingmanager.api.billing;

/** The user directory could not store or read users, or a change conflicts with another user. */
public class UserDirectoryException extends Exception {

    private static final long serialVersionUID = 1L;

    public UserDirectoryException(String message) {
        super(message);
    }

    public UserDirectoryException(String message, Throwable cause) {
        super(message, cause);
    }
}
