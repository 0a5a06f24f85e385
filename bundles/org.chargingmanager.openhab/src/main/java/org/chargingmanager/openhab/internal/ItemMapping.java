package org.chargingmanager.openhab.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Which variable goes to which openHAB item: the entries listed ({@code TARIF=CM_Tarif}), and
 * for every other variable {@code <prefix><NAME>} unless the prefix is empty. NAME is in upper
 * case: variable names are case-insensitive, openHAB's item names are not, and the item must
 * not change when someone sets {@code avail} instead of {@code AVAIL}.
 *
 * @param explicit upper-case variable name to item name
 * @param prefix item name prefix for variables not listed; empty: those are not sent
 * @param problems entries that were ignored, and why (for one log line at start)
 */
record ItemMapping(Map<String, String> explicit, String prefix, List<String> problems) {

    /** openHAB's rule for item names. */
    static final Pattern ITEM_NAME = Pattern.compile("[A-Za-z0-9_]+");

    ItemMapping {
        explicit = Map.copyOf(explicit);
        problems = List.copyOf(problems);
    }

    static ItemMapping parse(String[] entries, String prefix) {
        Map<String, String> explicit = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        for (String element : entries == null ? new String[0] : entries) {
            for (String entry : element == null ? new String[0] : element.split(",")) {
                String text = entry.trim();
                if (text.isEmpty()) {
                    continue;
                }
                int equals = text.indexOf('=');
                String variable = equals < 0 ? "" : text.substring(0, equals).trim();
                String item = equals < 0 ? "" : text.substring(equals + 1).trim();
                if (variable.isEmpty() || item.isEmpty()) {
                    problems.add("'" + text + "' is not NAME=Item");
                } else if (!ITEM_NAME.matcher(item).matches()) {
                    problems.add("'" + text + "': openHAB item names have only letters, digits and _");
                } else {
                    explicit.put(key(variable), item);
                }
            }
        }
        String cleanPrefix = prefix == null ? "" : prefix.trim();
        if (!cleanPrefix.isEmpty() && !ITEM_NAME.matcher(cleanPrefix).matches()) {
            problems.add("item prefix '" + cleanPrefix + "' has characters other than letters, digits and _;"
                    + " only the listed items are sent");
            cleanPrefix = "";
        }
        return new ItemMapping(explicit, cleanPrefix, problems);
    }

    /** The item a variable goes to, or empty when it is not sent. */
    Optional<String> itemFor(String variableName) {
        String item = explicit.get(key(variableName));
        if (item != null) {
            return Optional.of(item);
        }
        if (prefix.isEmpty() || !ITEM_NAME.matcher(variableName).matches()) {
            return Optional.empty();
        }
        return Optional.of(prefix + key(variableName));
    }

    private static String key(String variableName) {
        return variableName.toUpperCase(Locale.ROOT);
    }
}
