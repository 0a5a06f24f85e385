package org.chargingmanager.billing.internal.web;

/** A request parameter that cannot be used: answered with 400 and a JSON error naming it. */
final class BadParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String parameter;

    BadParameterException(String parameter, String message) {
        super(message);
        this.parameter = parameter;
    }

    String parameter() {
        return parameter;
    }
}
