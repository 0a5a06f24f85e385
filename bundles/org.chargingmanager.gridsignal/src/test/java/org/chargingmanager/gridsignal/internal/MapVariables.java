package org.chargingmanager.gridsignal.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.DoubleSupplier;

import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variable;
import org.chargingmanager.api.variables.VariableDefinition;
import org.chargingmanager.api.variables.Variables;

/**
 * Variables holding numbers only, plus one live value {@code grid.power}: the part of the core's variable store
 * that the grid-signal service uses (the real store runs in the runtime integration test).
 */
public final class MapVariables implements Variables {

    private final Map<String, String> values = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    public volatile DoubleSupplier gridPower = () -> Double.NaN;
    public int writes;

    @Override
    public synchronized List<Variable> list() {
        List<Variable> list = new ArrayList<>();
        values.forEach((name, expression) -> list.add(new Variable(name, expression, Double.parseDouble(expression), "")));
        return list;
    }

    @Override
    public synchronized Optional<Variable> get(String name) {
        String expression = values.get(name);
        return expression == null ? Optional.empty()
                : Optional.of(new Variable(name, expression, Double.parseDouble(expression), ""));
    }

    public double value(String name) {
        return get(name).map(Variable::value).orElse(Double.NaN);
    }

    @Override
    public synchronized Variable set(String name, String expression) throws InvalidExpressionException {
        try {
            Double.parseDouble(expression);
        } catch (NumberFormatException e) {
            throw new InvalidExpressionException("only numbers here: " + expression);
        }
        values.put(name, expression);
        writes++;
        return get(name).orElseThrow();
    }

    @Override
    public void setAll(List<VariableDefinition> definitions, boolean clearFirst) throws InvalidExpressionException {
        for (VariableDefinition definition : definitions) {
            set(definition.name(), definition.expression());
        }
    }

    @Override
    public synchronized boolean remove(String name) {
        return values.remove(name) != null;
    }

    @Override
    public double evaluate(String expression) throws InvalidExpressionException {
        if (expression.equals("grid.power")) {
            double power = gridPower.getAsDouble();
            if (Double.isNaN(power)) {
                throw new InvalidExpressionException("grid.power: no grid meter");
            }
            return power;
        }
        String value = values.get(expression);
        if (value == null) {
            throw new InvalidExpressionException("unknown: " + expression);
        }
        return Double.parseDouble(value);
    }
}
