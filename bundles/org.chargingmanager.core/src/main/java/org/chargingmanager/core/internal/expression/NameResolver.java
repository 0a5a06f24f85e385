package org.chargingmanager.core.internal.expression;

/** Gives the current value of a name an expression reads. */
@FunctionalInterface
public interface NameResolver {

    /** @throws EvaluationException if the value is not available now (unknown, offline, stale) */
    double valueOf(String name) throws EvaluationException;
}
