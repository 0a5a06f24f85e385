package org.chargingmanager.core.internal.expression;

/** A value cannot be computed now, for example because a meter does not answer. */
public class EvaluationException extends Exception {

    private static final long serialVersionUID = 1L;

    public EvaluationException(String message) {
        super(message);
    }
}
