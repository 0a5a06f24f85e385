package org.chargingmanager.tariff.generic.internal;

import java.time.Duration;
import java.time.ZoneId;

/**
 * Where the prices are in an answer and how they are written.
 *
 * @param csv CSV rather than JSON
 * @param slotsPath JSON only: the path to the slots, such as {@code $.data[*]}; a path to one
 *        array means its elements
 * @param start the start of a slot: a path relative to the slot (JSON) or a column name or
 *        0-based index (CSV)
 * @param end like {@code start}, or empty: a slot then ends where the next one starts, at most
 *        {@code slotLength} after its start
 * @param price like {@code start}
 * @param slotLength the length of a slot without an end
 * @param separator CSV only: the column separator
 * @param header CSV only: whether the first line names the columns
 */
record PriceFormat(boolean csv, String slotsPath, String start, String end, String price, PriceUnit unit,
        TimeFormat timeFormat, ZoneId zone, Duration slotLength, char separator, boolean header) {

    PriceFormat {
        if (start == null || start.isBlank() || price == null || price.isBlank()) {
            throw new IllegalArgumentException("the start and the price of a slot must be named");
        }
        if (end == null) {
            end = "";
        }
        if (slotLength == null || slotLength.isNegative() || slotLength.isZero()) {
            throw new IllegalArgumentException("the slot length must be positive");
        }
        if (csv && !header && !(isIndex(start) && isIndex(price) && (end.isBlank() || isIndex(end)))) {
            throw new IllegalArgumentException("a CSV without a header names its columns by index (0, 1, ...)");
        }
        if (!csv) {
            JsonPath.parse(slotsPath); // refuses a path that cannot be read, at configuration time
            JsonPath.parse(start);
            JsonPath.parse(price);
            if (!end.isBlank()) {
                JsonPath.parse(end);
            }
        }
    }

    static boolean isIndex(String column) {
        return column.trim().matches("\\d{1,4}");
    }
}
