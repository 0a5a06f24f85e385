package org.chargingmanager.tariff.generic.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;

/**
 * A small subset of JSONPath over Gson, enough to find prices in an answer:
 * <ul>
 * <li>{@code $} the root (or, for a field of a slot, the slot itself); may be left out;</li>
 * <li>{@code .name} or {@code ['name']} a member of an object ({@code ['a.b']} for a name with dots);</li>
 * <li>{@code [2]} an element of an array, {@code [-1]} the last one;</li>
 * <li>{@code [*]} or {@code .*} every element of an array (or every value of an object).</li>
 * </ul>
 * Examples: {@code $.data[*]}, {@code $.prices.today[*]}, {@code start}, {@code time.from},
 * {@code [0]} (the first element of a slot that is itself an array). No filters, no recursive
 * descent, no slices. Immutable; {@link #parse(String)} refuses anything else with a message.
 */
final class JsonPath {

    private sealed interface Step permits Member, Index, Wildcard {
    }

    private record Member(String name) implements Step {
    }

    private record Index(int index) implements Step {
    }

    private record Wildcard() implements Step {
    }

    private final String text;
    private final List<Step> steps;

    private JsonPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = List.copyOf(steps);
    }

    /**
     * @throws IllegalArgumentException naming the position of what cannot be read
     */
    static JsonPath parse(String text) {
        String path = text == null ? "" : text.trim();
        List<Step> steps = new ArrayList<>();
        int i = path.startsWith("$") ? 1 : 0;
        boolean first = true;
        while (i < path.length()) {
            char c = path.charAt(i);
            if (c == '.' || first && c != '[') {
                int start = c == '.' ? i + 1 : i;
                int end = start;
                while (end < path.length() && path.charAt(end) != '.' && path.charAt(end) != '[') {
                    end++;
                }
                String name = path.substring(start, end).trim();
                if (name.isEmpty()) {
                    throw new IllegalArgumentException("the path '" + path + "' has an empty name at " + start);
                }
                steps.add(name.equals("*") ? new Wildcard() : new Member(name));
                i = end;
            } else if (c == '[') {
                int close = path.indexOf(']', i);
                String inside = close < 0 ? "" : path.substring(i + 1, close).trim();
                if (close < 0 || inside.isEmpty()) {
                    throw new IllegalArgumentException("the path '" + path + "' has an unclosed or empty [ at " + i);
                }
                if (inside.length() >= 2 && (inside.startsWith("'") && inside.endsWith("'")
                        || inside.startsWith("\"") && inside.endsWith("\""))) {
                    steps.add(new Member(inside.substring(1, inside.length() - 1)));
                } else if (inside.equals("*")) {
                    steps.add(new Wildcard());
                } else {
                    try {
                        steps.add(new Index(Integer.parseInt(inside)));
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("the path '" + path + "' has '[" + inside + "]': only [n], "
                                + "[*] and ['name'] are supported");
                    }
                }
                i = close + 1;
            } else {
                throw new IllegalArgumentException("the path '" + path + "' has '" + c + "' at " + i);
            }
            first = false;
        }
        return new JsonPath(path.isEmpty() ? "$" : path, steps);
    }

    /** Every element the path reaches from {@code root}, in document order; empty if none. */
    List<JsonElement> select(JsonElement root) {
        List<JsonElement> current = List.of(root);
        for (Step step : steps) {
            List<JsonElement> next = new ArrayList<>();
            for (JsonElement element : current) {
                if (step instanceof Member member && element.isJsonObject()) {
                    JsonElement value = element.getAsJsonObject().get(member.name());
                    if (value != null) {
                        next.add(value);
                    }
                } else if (step instanceof Index index && element.isJsonArray()) {
                    JsonArray array = element.getAsJsonArray();
                    int position = index.index() < 0 ? array.size() + index.index() : index.index();
                    if (position >= 0 && position < array.size()) {
                        next.add(array.get(position));
                    }
                } else if (step instanceof Wildcard) {
                    if (element.isJsonArray()) {
                        element.getAsJsonArray().forEach(next::add);
                    } else if (element.isJsonObject()) {
                        for (Map.Entry<String, JsonElement> entry : ((JsonObject) element).entrySet()) {
                            next.add(entry.getValue());
                        }
                    }
                }
            }
            current = next;
        }
        return current;
    }

    /** The one element the path reaches, or {@code null} if it reaches none (or JSON null). */
    JsonElement single(JsonElement root) {
        List<JsonElement> found = select(root);
        if (found.isEmpty() || found.get(0).isJsonNull()) {
            return null;
        }
        if (found.size() > 1) {
            throw new IllegalArgumentException("'" + text + "' reaches " + found.size() + " values, not one");
        }
        return found.get(0);
    }

    boolean hasWildcard() {
        return steps.stream().anyMatch(Wildcard.class::isInstance);
    }

    @Override
    public String toString() {
        return text;
    }
}
