package org.chargingmanager.openhab.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variable;
import org.chargingmanager.api.variables.VariableDefinition;
import org.chargingmanager.api.variables.Variables;

/** Variables whose values the test sets directly (a formula's value changing as a meter changes). */
final class FakeVariables implements Variables {

    private final Map<String, Variable> variables = new TreeMap<>();

    synchronized FakeVariables value(String name, double value) {
        variables.put(name.toUpperCase(Locale.ROOT), new Variable(name, Double.toString(value), value,
                Double.isNaN(value) ? "meter offline" : ""));
        return this;
    }

    @Override
    public synchronized List<Variable> list() {
        return new ArrayList<>(variables.values());
    }

    @Override
    public synchronized Optional<Variable> get(String name) {
        return Optional.ofNullable(variables.get(name.toUpperCase(Locale.ROOT)));
    }

    @Override
    public Variable set(String name, String expression) throws InvalidExpressionException {
        try {
            value(name, Double.parseDouble(expression));
        } catch (NumberFormatException e) {
            throw new InvalidExpressionException("only numbers here: " + expression);
        }
        return get(name).orElseThrow();
    }

    @Override
    public void setAll(List<VariableDefinition> definitions, boolean clearFirst) throws InvalidExpressionException {
        if (clearFirst) {
            synchronized (this) {
                variables.clear();
            }
        }
        for (VariableDefinition definition : definitions) {
            set(definition.name(), definition.expression());
        }
    }

    @Override
    public synchronized boolean remove(String name) {
        return variables.remove(name.toUpperCase(Locale.ROOT)) != null;
    }

    @Override
    public double evaluate(String expression) throws InvalidExpressionException {
        throw new InvalidExpressionException("not in the fake");
    }
}
