package org.chargingmanager.api.variables;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Named variables whose values are constants or expressions over other variables and over the
 * live values of meters and charging points. The grid operator's {@code AVAIL} and the
 * supplier's {@code TARIF} are ordinary variables. Names are matched case-insensitively.
 *
 * <p>Every change is checked when it is made: a bad name, a syntax error, an unknown name or a
 * cycle throws {@link InvalidExpressionException} and changes nothing. Variables persist across
 * restarts. Services registered as {@link VariablesListener} are told of every change.
 */
@ProviderType
public interface Variables {

    /** Every variable with its latest computed value, sorted by name. */
    List<Variable> list();

    Optional<Variable> get(String name);

    /** Sets one variable, or creates it. */
    Variable set(String name, String expression) throws InvalidExpressionException;

    /**
     * Sets several variables at once: either all of them or, if any is rejected, none.
     *
     * @param clearFirst whether every other variable is deleted first
     */
    void setAll(List<VariableDefinition> definitions, boolean clearFirst) throws InvalidExpressionException;

    /** @return whether the variable existed */
    boolean remove(String name) throws InvalidExpressionException;

    /**
     * Computes an expression over the current variables without storing it, as the load
     * manager does for the house connection limit.
     */
    double evaluate(String expression) throws InvalidExpressionException;
}
