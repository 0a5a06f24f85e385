package org.chargingmanager.tariff.generic.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.tariff.generic.internal.CsvRows.Row;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * Reads an answer of a JSON or CSV price source into price slots per kWh, as a {@link PriceFormat}
 * describes it: pure. The answer is taken whole or refused whole: one slot that cannot be read
 * (no start, a price that is not a number, an end before the start, two slots that overlap)
 * refuses the answer with a message naming it, so a half-read forecast never replaces a good one.
 */
final class GenericPrices {

    /** One slot as the answer gives it; {@code end} is {@code null} without an end. */
    private record Entry(String where, Instant start, Instant end, double pricePerKilowattHour) {
    }

    private GenericPrices() {
    }

    /** @throws IllegalArgumentException naming what is wrong and where */
    static List<PriceSlot> parse(String answer, PriceFormat format) {
        List<Entry> entries = format.csv() ? csv(answer, format) : json(answer, format);
        return slots(entries, format);
    }

    private static List<Entry> json(String answer, PriceFormat format) {
        JsonElement root;
        try {
            root = JsonParser.parseString(answer);
        } catch (JsonParseException e) {
            throw new IllegalArgumentException("the answer is not JSON");
        }
        if (root == null || root.isJsonNull()) {
            throw new IllegalArgumentException("the answer is empty");
        }
        JsonPath slotsPath = JsonPath.parse(format.slotsPath());
        List<JsonElement> slots = slotsPath.select(root);
        if (!slotsPath.hasWildcard() && slots.size() == 1 && slots.get(0).isJsonArray()) {
            List<JsonElement> elements = new ArrayList<>();
            slots.get(0).getAsJsonArray().forEach(elements::add);
            slots = elements;
        }
        if (slots.isEmpty()) {
            throw new IllegalArgumentException("the answer has no slots at '" + slotsPath + "'");
        }
        JsonPath start = JsonPath.parse(format.start());
        JsonPath end = format.end().isBlank() ? null : JsonPath.parse(format.end());
        JsonPath price = JsonPath.parse(format.price());
        List<Entry> entries = new ArrayList<>();
        Instant previous = null;
        for (int i = 0; i < slots.size(); i++) {
            JsonElement slot = slots.get(i);
            String where = "slot " + i;
            Instant startsAt = time(text(slot, start, where), format, previous, where);
            Instant endsAt = end == null ? null : time(text(slot, end, where), format, startsAt, where);
            entries.add(new Entry(where, startsAt, endsAt, price(text(slot, price, where), format, where)));
            previous = startsAt;
        }
        return entries;
    }

    private static String text(JsonElement slot, JsonPath path, String where) {
        JsonElement value;
        try {
            value = path.single(slot);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
        if (value == null || !value.isJsonPrimitive()) {
            throw new IllegalArgumentException(where + " has no value at '" + path + "'");
        }
        return value.getAsString();
    }

    private static List<Entry> csv(String answer, PriceFormat format) {
        List<Row> rows = CsvRows.split(answer, format.separator());
        int startColumn;
        int endColumn;
        int priceColumn;
        if (format.header()) {
            if (rows.isEmpty()) {
                throw new IllegalArgumentException("the answer has no header line");
            }
            List<String> names = rows.remove(0).cells();
            startColumn = column(names, format.start());
            endColumn = format.end().isBlank() ? -1 : column(names, format.end());
            priceColumn = column(names, format.price());
        } else {
            startColumn = Integer.parseInt(format.start().trim());
            endColumn = format.end().isBlank() ? -1 : Integer.parseInt(format.end().trim());
            priceColumn = Integer.parseInt(format.price().trim());
        }
        List<Entry> entries = new ArrayList<>();
        Instant previous = null;
        for (Row row : rows) {
            String where = "line " + row.lineNumber();
            Instant startsAt = time(cell(row, startColumn, where), format, previous, where);
            Instant endsAt = endColumn < 0 ? null : time(cell(row, endColumn, where), format, startsAt, where);
            entries.add(new Entry(where, startsAt, endsAt, price(cell(row, priceColumn, where), format, where)));
            previous = startsAt;
        }
        return entries;
    }

    private static int column(List<String> names, String wanted) {
        String name = wanted.trim();
        for (int i = 0; i < names.size(); i++) {
            if (names.get(i).equalsIgnoreCase(name)) {
                return i;
            }
        }
        if (PriceFormat.isIndex(name)) {
            return Integer.parseInt(name);
        }
        throw new IllegalArgumentException("the header " + names + " has no column '" + name + "'");
    }

    private static String cell(Row row, int column, String where) {
        if (column >= row.cells().size() || row.cells().get(column).isEmpty()) {
            throw new IllegalArgumentException(where + " has no value in column " + column);
        }
        return row.cells().get(column);
    }

    private static Instant time(String value, PriceFormat format, Instant previous, String where) {
        try {
            return format.timeFormat().parse(value, format.zone(), previous);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(where + ": " + e.getMessage());
        }
    }

    private static double price(String value, PriceFormat format, String where) {
        String text = value.trim();
        if (text.indexOf(',') >= 0 && text.indexOf('.') < 0 && format.separator() != ',') {
            text = text.replace(',', '.'); // a decimal comma, as in German CSV files with ';'
        }
        try {
            double price = Double.parseDouble(text);
            if (!Double.isFinite(price) || text.toLowerCase(Locale.ROOT).matches(".*[a-z].*")) {
                throw new NumberFormatException();
            }
            return format.unit().pricePerKilowattHour(price);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(where + ": the price '" + value + "' is not a number");
        }
    }

    private static List<PriceSlot> slots(List<Entry> entries, PriceFormat format) {
        List<Entry> sorted = new ArrayList<>(entries);
        sorted.sort(Comparator.comparing(Entry::start));
        List<PriceSlot> slots = new ArrayList<>();
        for (int i = 0; i < sorted.size(); i++) {
            Entry entry = sorted.get(i);
            Instant longest = entry.start().plus(format.slotLength());
            Instant end = entry.end();
            if (end == null) {
                Instant next = i + 1 < sorted.size() ? sorted.get(i + 1).start() : longest;
                end = next.isAfter(longest) ? longest : next; // a gap after it: no price known there
            }
            if (!end.isAfter(entry.start())) {
                throw new IllegalArgumentException(entry.where() + " ends at " + end + ", not after it starts ("
                        + entry.start() + ")" + (entry.end() == null ? ": two slots start at the same time" : ""));
            }
            if (!slots.isEmpty() && entry.start().isBefore(slots.get(slots.size() - 1).end())) {
                throw new IllegalArgumentException(entry.where() + " (" + entry.start() + ") and the slot before "
                        + "overlap");
            }
            slots.add(PriceSlot.importOnly(entry.start(), end, entry.pricePerKilowattHour()));
        }
        return slots;
    }
}
