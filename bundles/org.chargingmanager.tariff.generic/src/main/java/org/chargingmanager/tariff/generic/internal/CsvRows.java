package org.chargingmanager.tariff.generic.internal;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits CSV text into rows of cells: a separator of one character, cells optionally in double
 * quotes (a doubled quote inside is a quote, a quoted cell may hold the separator). Blank lines
 * and lines starting with {@code #} are skipped; a byte order mark is dropped. Pure.
 */
final class CsvRows {

    private CsvRows() {
    }

    /** @return each row with its line number (1-based) for messages */
    static List<Row> split(String text, char separator) {
        List<Row> rows = new ArrayList<>();
        String[] lines = text.replace("\uFEFF", "").split("\r?\n|\r", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            if (line.isBlank() || line.stripLeading().startsWith("#")) {
                continue;
            }
            rows.add(new Row(i + 1, cells(line, separator, i + 1)));
        }
        return rows;
    }

    /** One line of cells, trimmed. */
    record Row(int lineNumber, List<String> cells) {
    }

    private static List<String> cells(String line, char separator, int lineNumber) {
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < line.length() && line.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.toString().isBlank()) {
                quoted = true;
                cell.setLength(0);
            } else if (c == separator) {
                cells.add(cell.toString().trim());
                cell.setLength(0);
            } else {
                cell.append(c);
            }
        }
        if (quoted) {
            throw new IllegalArgumentException("line " + lineNumber + " has an unclosed quote");
        }
        cells.add(cell.toString().trim());
        return cells;
    }
}
