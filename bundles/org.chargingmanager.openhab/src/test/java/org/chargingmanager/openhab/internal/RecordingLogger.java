package org.chargingmanager.openhab.internal;

import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.slf4j.Logger;
import org.slf4j.Marker;
import org.slf4j.helpers.MessageFormatter;

/** An SLF4J logger that keeps every line (all levels enabled), so tests can assert what was logged. */
final class RecordingLogger {

    record Line(String level, String message) {

        @Override
        public String toString() {
            return level + " " + message;
        }
    }

    private final List<Line> lines = new CopyOnWriteArrayList<>();
    private final Logger logger = (Logger) Proxy.newProxyInstance(Logger.class.getClassLoader(),
            new Class<?>[] { Logger.class }, (proxy, method, args) -> {
                String name = method.getName();
                if (name.startsWith("is") && name.endsWith("Enabled")) {
                    return true;
                }
                if (name.equals("getName")) {
                    return "test";
                }
                if (List.of("trace", "debug", "info", "warn", "error").contains(name)) {
                    record(name.toUpperCase(), args);
                    return null;
                }
                if (name.equals("toString")) {
                    return "RecordingLogger";
                }
                if (name.equals("hashCode")) {
                    return System.identityHashCode(proxy);
                }
                if (name.equals("equals")) {
                    return proxy == args[0];
                }
                return null;
            });

    Logger logger() {
        return logger;
    }

    List<Line> lines() {
        return List.copyOf(lines);
    }

    List<Line> at(String level) {
        return lines.stream().filter(line -> line.level().equals(level)).toList();
    }

    /** Lines at the level containing every one of the texts. */
    List<Line> at(String level, String... texts) {
        return at(level).stream().filter(line -> Arrays.stream(texts).allMatch(line.message()::contains)).toList();
    }

    void clear() {
        lines.clear();
    }

    private void record(String level, Object[] args) {
        List<Object> rest = new ArrayList<>(Arrays.asList(args));
        if (!rest.isEmpty() && rest.get(0) instanceof Marker) {
            rest.remove(0);
        }
        String format = String.valueOf(rest.remove(0));
        Object[] parameters = rest.size() == 1 && rest.get(0) instanceof Object[] array ? array : rest.toArray();
        String message = MessageFormatter.arrayFormat(format, parameters).getMessage();
        Throwable thrown = MessageFormatter.getThrowableCandidate(parameters);
        lines.add(new Line(level, thrown == null ? message : message + " " + thrown));
    }
}
