package org.chargingmanager.api.grid;

/** The restriction log cannot be read or written; the message says why (never with a password). */
public class GridLogException extends Exception {

    private static final long serialVersionUID = 1L;

    public GridLogException(String message, Throwable cause) {
        super(message, cause);
    }
}
