package org.chargingmanager.core.internal.variables;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variable;
import org.chargingmanager.core.internal.expression.EvaluationException;
import org.chargingmanager.core.internal.expression.Expression;
import org.chargingmanager.core.internal.expression.ExpressionParser;

/**
 * An immutable set of variable definitions, keyed by lower-case name. Checks names, references
 * and cycles, and evaluates every variable in one pass.
 */
final class VariableSet {

    static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,63}");
    private static final Set<String> RESERVED = Set.of("and", "or", "not", "true", "false", "min", "max", "abs",
            "if", "round", "floor", "ceil", "grid", "pv", "storage", "meter", "evse", "evses", "time");

    record Definition(String name, String expression, Expression parsed) {

        static Definition parse(String name, String expression) throws InvalidExpressionException {
            if (name == null || !NAME.matcher(name).matches()) {
                throw new InvalidExpressionException("bad variable name '" + name
                        + "': use letters, digits and _, starting with a letter or _, at most 64 characters");
            }
            if (RESERVED.contains(name.toLowerCase(Locale.ROOT))) {
                throw new InvalidExpressionException("'" + name + "' is a reserved word and cannot be a variable name");
            }
            try {
                return new Definition(name, expression.trim(), ExpressionParser.parse(expression));
            } catch (InvalidExpressionException e) {
                throw new InvalidExpressionException("variable " + name + ": " + e.getMessage());
            }
        }
    }

    private final Map<String, Definition> definitions;

    private VariableSet(Map<String, Definition> definitions) {
        this.definitions = definitions;
    }

    static VariableSet empty() {
        return new VariableSet(new TreeMap<>());
    }

    static VariableSet of(Collection<Definition> definitions) {
        return empty().with(definitions, false);
    }

    VariableSet with(Collection<Definition> changes, boolean clearFirst) {
        Map<String, Definition> copy = clearFirst ? new TreeMap<>() : new TreeMap<>(definitions);
        for (Definition definition : changes) {
            copy.put(key(definition.name()), definition);
        }
        return new VariableSet(copy);
    }

    VariableSet without(String name) {
        Map<String, Definition> copy = new TreeMap<>(definitions);
        copy.remove(key(name));
        return new VariableSet(copy);
    }

    Optional<Definition> get(String name) {
        return Optional.ofNullable(definitions.get(key(name)));
    }

    Collection<Definition> definitions() {
        return definitions.values();
    }

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /**
     * Checks that every name an expression reads is a variable of this set, that no variable
     * depends on itself, and that the live values read by the variables named in
     * {@code checkLiveValuesOf} are accepted by {@code liveCheck} (others may refer to a meter that
     * is offline right now).
     */
    void validate(Function<String, Optional<String>> liveCheck, Set<String> checkLiveValuesOf)
            throws InvalidExpressionException {
        Set<String> strict = new HashSet<>();
        checkLiveValuesOf.forEach(name -> strict.add(key(name)));
        for (Definition definition : definitions.values()) {
            for (String name : definition.parsed().names()) {
                if (LiveValues.isLiveName(name)) {
                    if (!strict.contains(key(definition.name()))) {
                        continue;
                    }
                    Optional<String> problem = liveCheck.apply(name);
                    if (problem.isPresent()) {
                        throw new InvalidExpressionException("variable " + definition.name() + ": " + problem.get());
                    }
                } else if (!definitions.containsKey(key(name))) {
                    throw new InvalidExpressionException("variable " + definition.name() + ": unknown variable '"
                            + name + "'");
                }
            }
        }
        Set<String> done = new HashSet<>();
        for (String key : definitions.keySet()) {
            checkCycles(key, new LinkedHashMap<>(), done);
        }
    }

    private void checkCycles(String key, LinkedHashMap<String, Boolean> path, Set<String> done)
            throws InvalidExpressionException {
        if (done.contains(key)) {
            return;
        }
        if (path.containsKey(key)) {
            List<String> cycle = new ArrayList<>();
            boolean inCycle = false;
            for (String step : path.keySet()) {
                inCycle |= step.equals(key);
                if (inCycle) {
                    cycle.add(definitions.get(step).name());
                }
            }
            cycle.add(definitions.get(key).name());
            throw new InvalidExpressionException("variables depend on each other in a cycle: "
                    + String.join(" -> ", cycle));
        }
        path.put(key, Boolean.TRUE);
        for (String name : definitions.get(key).parsed().names()) {
            if (!LiveValues.isLiveName(name) && definitions.containsKey(key(name))) {
                checkCycles(key(name), path, done);
            }
        }
        path.remove(key);
        done.add(key);
    }

    /** Which variables read {@code name}. */
    List<String> usersOf(String name) {
        List<String> users = new ArrayList<>();
        for (Definition definition : definitions.values()) {
            for (String used : definition.parsed().names()) {
                if (key(used).equals(key(name)) && !key(definition.name()).equals(key(name))) {
                    users.add(definition.name());
                }
            }
        }
        return users;
    }

    /** Evaluates every variable; a value that cannot be computed is NaN with the reason. */
    List<Variable> evaluateAll(LiveValues live) {
        Map<String, Variable> results = new HashMap<>();
        List<Variable> ordered = new ArrayList<>();
        for (Definition definition : definitions.values()) {
            ordered.add(evaluate(definition, live, results));
        }
        return ordered;
    }

    /** Evaluates an expression over this set's variables and the live values. */
    double evaluate(Expression expression, LiveValues live) throws EvaluationException {
        Map<String, Variable> results = new HashMap<>();
        return expression.evaluate(name -> resolve(name, live, results));
    }

    private Variable evaluate(Definition definition, LiveValues live, Map<String, Variable> results) {
        Variable known = results.get(key(definition.name()));
        if (known != null) {
            return known;
        }
        Variable result;
        try {
            result = new Variable(definition.name(), definition.expression(),
                    definition.parsed().evaluate(name -> resolve(name, live, results)), "");
        } catch (EvaluationException e) {
            result = new Variable(definition.name(), definition.expression(), Double.NaN, e.getMessage());
        }
        results.put(key(definition.name()), result);
        return result;
    }

    private double resolve(String name, LiveValues live, Map<String, Variable> results) throws EvaluationException {
        if (LiveValues.isLiveName(name)) {
            return live.valueOf(name);
        }
        Definition definition = definitions.get(key(name));
        if (definition == null) {
            throw new EvaluationException("unknown variable '" + name + "'");
        }
        Variable variable = evaluate(definition, live, results);
        if (!variable.error().isEmpty()) {
            throw new EvaluationException(variable.error());
        }
        return variable.value();
    }
}
