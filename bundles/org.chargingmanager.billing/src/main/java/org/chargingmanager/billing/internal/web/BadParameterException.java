package org.chargingmanager.billing.internal.web;

import org.chargingmanager.api.platform.UserMessage;

/** A request parameter that cannot be used: answered with 400 and a JSON error naming it. */
final class BadParameterException extends Exception {

    private static final long serialVersionUID = 1L;

    private final String parameter;
    private final transient UserMessage userMessage;

    /** @param message the English text with the message key the web UI translates */
    BadParameterException(String parameter, UserMessage message) {
        super(message.english());
        this.parameter = parameter;
        this.userMessage = message;
    }

    String parameter() {
        return parameter;
    }

    UserMessage userMessage() {
        return userMessage;
    }
}
