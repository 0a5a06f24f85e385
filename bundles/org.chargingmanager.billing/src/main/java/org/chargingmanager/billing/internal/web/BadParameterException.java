package org.chargingmanager.billing.internal.web;

/** A request parameter that cannot be used: answered with 400 and a JSON error naming it. */
final class BadParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final String code;
    private final transient java.util.List<String> args;

    BadParameterException(String parameter, String message) {
        this(parameter, message, null);
    }

    /** @param code the message key the web UI translates, with {@code args} for its placeholders */
    BadParameterException(String parameter, String message, String code, String... args) {
        super(message);
        this.parameter = parameter;
        this.code = code;
        this.args = java.util.List.of(args);
    }

    String parameter() {
        return parameter;
    }

    String code() {
        return code;
    }

    java.util.List<String> args() {
        return args;
    }
}
