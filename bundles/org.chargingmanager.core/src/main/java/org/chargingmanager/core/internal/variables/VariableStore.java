package org.chargingmanager.core.internal.variables;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chargingmanager.api.platform.DataDirectory;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variable;
import org.chargingmanager.api.variables.VariableDefinition;
import org.chargingmanager.api.variables.Variables;
import org.chargingmanager.api.variables.VariablesListener;
import org.chargingmanager.core.internal.expression.EvaluationException;
import org.chargingmanager.core.internal.expression.ExpressionParser;
import org.chargingmanager.core.internal.variables.VariableSet.Definition;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The {@link Variables} service. Definitions are kept in {@code data/variables.txt}, one
 * {@code NAME = expression} per line, written atomically on every change. On the first start
 * {@code AVAIL = 100} (grid operator: percent of the house connection available) and
 * {@code TARIF = 0} (supplier: 0 normal, 1 reduced tariff) are created.
 */
@Component(service = Variables.class)
public class VariableStore implements Variables {

    static final String FILE_NAME = "variables.txt";
    private static final Logger LOG = LoggerFactory.getLogger(VariableStore.class);

    private final LiveValues live;
    private final Path file;
    private volatile VariableSet variables = VariableSet.empty();

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC)
    private final List<VariablesListener> listeners = new CopyOnWriteArrayList<>();

    @Activate
    public VariableStore(@Reference LiveValues live, @Reference DataDirectory dataDirectory) throws IOException {
        this(live, dataDirectory.path().resolve(FILE_NAME));
    }

    public VariableStore(LiveValues live, Path file) throws IOException {
        this.live = live;
        this.file = file;
        if (Files.exists(file)) {
            variables = load(file);
        } else {
            try {
                variables = VariableSet.of(List.of(Definition.parse("AVAIL", "100"), Definition.parse("TARIF", "0")));
            } catch (InvalidExpressionException impossible) {
                throw new IllegalStateException(impossible);
            }
            save(variables);
            LOG.info("Created the variables AVAIL = 100 and TARIF = 0 in {}", file);
        }
    }

    void addListener(VariablesListener listener) {
        listeners.add(listener);
    }

    @Override
    public List<Variable> list() {
        return variables.evaluateAll(live);
    }

    @Override
    public Optional<Variable> get(String name) {
        if (name == null || variables.get(name).isEmpty()) {
            return Optional.empty();
        }
        String key = VariableSet.key(name);
        return list().stream().filter(variable -> VariableSet.key(variable.name()).equals(key)).findFirst();
    }

    @Override
    public Variable set(String name, String expression) throws InvalidExpressionException {
        setAll(List.of(new VariableDefinition(name, expression)), false);
        return get(name).orElseThrow();
    }

    @Override
    public void setAll(List<VariableDefinition> definitions, boolean clearFirst) throws InvalidExpressionException {
        List<Definition> parsed = new ArrayList<>();
        Set<String> names = new LinkedHashSet<>();
        for (VariableDefinition definition : definitions) {
            if (definition == null || definition.expression() == null) {
                throw new InvalidExpressionException("variable " + (definition == null ? "" : definition.name())
                        + ": the expression is missing");
            }
            parsed.add(Definition.parse(definition.name(), definition.expression()));
            names.add(definition.name());
        }
        Set<String> changed;
        synchronized (this) {
            VariableSet next = variables.with(parsed, clearFirst);
            next.validate(live::check, names);
            save(next);
            changed = new TreeSet<>(names);
            if (clearFirst) {
                variables.definitions().forEach(definition -> changed.add(definition.name()));
            }
            variables = next;
        }
        LOG.info("Variables set: {}{}", describe(parsed), clearFirst ? " (all others deleted)" : "");
        notifyListeners(changed);
    }

    @Override
    public boolean remove(String name) throws InvalidExpressionException {
        synchronized (this) {
            if (name == null || variables.get(name).isEmpty()) {
                return false;
            }
            List<String> users = variables.usersOf(name);
            if (!users.isEmpty()) {
                throw new InvalidExpressionException("variable " + name + " is still used by " + users);
            }
            VariableSet next = variables.without(name);
            save(next);
            variables = next;
        }
        LOG.info("Variable {} deleted", name);
        notifyListeners(Set.of(name));
        return true;
    }

    @Override
    public double evaluate(String expression) throws InvalidExpressionException {
        VariableSet current = variables;
        var parsed = ExpressionParser.parse(expression);
        for (String name : parsed.names()) {
            if (LiveValues.isLiveName(name)) {
                Optional<String> problem = live.check(name);
                if (problem.isPresent()) {
                    throw new InvalidExpressionException(problem.get());
                }
            } else if (current.get(name).isEmpty()) {
                throw new InvalidExpressionException("unknown variable '" + name + "'");
            }
        }
        try {
            return current.evaluate(parsed, live);
        } catch (EvaluationException e) {
            return Double.NaN;
        }
    }

    /** Checks an expression as {@link #evaluate(String)} would, without evaluating it. */
    public void check(String expression) throws InvalidExpressionException {
        evaluate(expression);
    }

    private void notifyListeners(Set<String> names) {
        for (VariablesListener listener : listeners) {
            try {
                listener.variablesChanged(names);
            } catch (RuntimeException e) {
                LOG.warn("A variables listener failed: {}", e.toString());
            }
        }
    }

    private static String describe(List<Definition> definitions) {
        StringBuilder text = new StringBuilder();
        for (Definition definition : definitions) {
            if (text.length() > 0) {
                text.append(", ");
            }
            text.append(definition.name()).append(" = ").append(definition.expression());
        }
        return text.toString();
    }

    private void save(VariableSet set) {
        StringBuilder content = new StringBuilder("# Charging manager variables: NAME = expression\n");
        for (Definition definition : set.definitions()) {
            content.append(definition.name()).append(" = ").append(definition.expression()).append('\n');
        }
        try {
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, content, StandardCharsets.UTF_8);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + file + ": " + e.getMessage(), e);
        }
    }

    /** Reads the file leniently: a line that does not parse or refers to nothing known is skipped and logged. */
    private static VariableSet load(Path file) throws IOException {
        List<Definition> pending = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String trimmed = line.trim();
            if (trimmed.isEmpty() || trimmed.startsWith("#")) {
                continue;
            }
            int equals = trimmed.indexOf('=');
            try {
                if (equals < 1) {
                    throw new InvalidExpressionException("expected NAME = expression");
                }
                pending.add(Definition.parse(trimmed.substring(0, equals).trim(), trimmed.substring(equals + 1)));
            } catch (InvalidExpressionException e) {
                LOG.error("Skipping line '{}' of {}: {}", trimmed, file, e.getMessage());
            }
        }
        VariableSet set = VariableSet.empty();
        boolean progress = true;
        while (progress && !pending.isEmpty()) {
            progress = false;
            for (Definition definition : List.copyOf(pending)) {
                VariableSet candidate = set.with(List.of(definition), false);
                try {
                    candidate.validate(name -> Optional.empty(), Set.of());
                    set = candidate;
                    pending.remove(definition);
                    progress = true;
                } catch (InvalidExpressionException notYet) {
                    // may depend on a variable further down the file
                }
            }
        }
        for (Definition definition : pending) {
            LOG.error("Skipping variable {} = {} from {}: it refers to an unknown variable or to itself",
                    definition.name(), definition.expression(), file);
        }
        return set;
    }
}
