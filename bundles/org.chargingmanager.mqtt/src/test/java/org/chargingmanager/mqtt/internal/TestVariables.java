package org.chargingmanager.mqtt.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variable;
import org.chargingmanager.api.variables.VariableDefinition;
import org.chargingmanager.api.variables.Variables;

/**
 * Variables for the tests: constants only (like the core's store, names are letters, digits and
 * {@code _}, matched case-insensitively); a value below 0 is refused as a stand-in for the core's
 * validation, {@code NAN} as an expression computes to NaN.
 */
final class TestVariables implements Variables {

    private final Map<String, Variable> variables = new TreeMap<>();
    final AtomicInteger sets = new AtomicInteger();

    @Override
    public synchronized List<Variable> list() {
        return new ArrayList<>(variables.values());
    }

    @Override
    public synchronized Optional<Variable> get(String name) {
        return Optional.ofNullable(variables.get(name.toUpperCase(Locale.ROOT)));
    }

    @Override
    public synchronized Variable set(String name, String expression) throws InvalidExpressionException {
        if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
            throw new InvalidExpressionException("bad name " + name);
        }
        double value;
        if (expression.equals("NAN")) {
            value = Double.NaN;
        } else {
            try {
                value = new BigDecimal(expression).doubleValue();
            } catch (NumberFormatException e) {
                throw new InvalidExpressionException("syntax error in '" + expression + "'");
            }
            if (value < 0) {
                throw new InvalidExpressionException("'" + expression + "' is below 0");
            }
        }
        Variable variable = new Variable(name, expression, value, Double.isNaN(value) ? "cannot be computed" : "");
        variables.put(name.toUpperCase(Locale.ROOT), variable);
        sets.incrementAndGet();
        return variable;
    }

    @Override
    public synchronized void setAll(List<VariableDefinition> definitions, boolean clearFirst)
            throws InvalidExpressionException {
        for (VariableDefinition definition : definitions) {
            set(definition.name(), definition.expression());
        }
    }

    @Override
    public synchronized boolean remove(String name) {
        return variables.remove(name.toUpperCase(Locale.ROOT)) != null;
    }

    @Override
    public synchronized double evaluate(String expression) throws InvalidExpressionException {
        String trimmed = expression.trim();
        Variable variable = variables.get(trimmed.toUpperCase(Locale.ROOT));
        if (variable != null) {
            return variable.value();
        }
        try {
            return Double.parseDouble(trimmed);
        } catch (NumberFormatException e) {
            throw new InvalidExpressionException("cannot evaluate " + expression);
        }
    }
}
