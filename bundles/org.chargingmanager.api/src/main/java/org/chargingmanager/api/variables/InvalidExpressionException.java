package org.chargingmanager.api.variables;

/**
 * A variable name or expression was rejected: a syntax error, an unknown name, a cycle or a
 * type error. The message names the problem so it can be shown to whoever set it.
 */
public class InvalidExpressionException extends Exception {

    private static final long serialVersionUID = 1L;

    public InvalidExpressionException(String message) {
        super(message);
    }
}
