package org.chargingmanager.billing.internal.web;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.chargingmanager.api.billing.Transaction;

/**
 * Writes transactions as CSV, one row at a time (nothing is collected): RFC 4180 with a header
 * row and CRLF line ends, times in ISO 8601 with their offset. The {@link Style#SEMICOLON} style
 * is for spreadsheets in locales that use the comma as decimal separator (German Excel): fields
 * separated by {@code ;}, kWh with a decimal comma, a UTF-8 byte order mark so Excel reads the
 * umlauts, and text cells that a spreadsheet would take for a formula prefixed with {@code '}.
 */
public final class TransactionCsvWriter implements Consumer<Transaction> {

    public enum Style {
        COMMA(',', '.'), SEMICOLON(';', ',');

        final char separator;
        final char decimal;

        Style(char separator, char decimal) {
            this.separator = separator;
            this.decimal = decimal;
        }
    }

    static final List<String> COLUMNS = List.of("transaction_id", "evse_id", "charge_box_id", "connector_id",
            "user_id", "user_name", "id_tag", "start", "end", "meter_start_wh", "meter_stop_wh", "energy_wh",
            "energy_kwh", "stop_reason", "signature_status", "signed_meter_values", "cost", "currency");

    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final Writer out;
    private final Style style;
    private final Map<String, String> userNames;
    private long rows;

    /**
     * @param userNames user id to name, for the {@code user_name} column
     */
    public TransactionCsvWriter(Writer out, Style style, Map<String, String> userNames) {
        this.out = out;
        this.style = style;
        this.userNames = userNames;
    }

    public void writeHeader() throws IOException {
        if (style == Style.SEMICOLON) {
            out.write('\uFEFF');
        }
        for (int i = 0; i < COLUMNS.size(); i++) {
            if (i > 0) {
                out.write(style.separator);
            }
            out.write(COLUMNS.get(i));
        }
        out.write("\r\n");
    }

    /** Writes one row; an I/O error (the client went away) becomes an {@link UncheckedIOException}. */
    @Override
    public void accept(Transaction t) {
        try {
            text(Long.toString(t.id()), false);
            text(t.evseId(), true);
            text(t.chargeBoxId(), true);
            text(Integer.toString(t.connectorId()), true);
            text(t.userId(), true);
            text(t.userId() == null ? null : userNames.get(t.userId()), true);
            text(t.idTag(), true);
            text(time(t.start()), true);
            text(time(t.end()), true);
            text(Long.toString(t.meterStartWattHours()), true);
            text(t.meterStopWattHours() == null ? null : t.meterStopWattHours().toString(), true);
            text(t.open() ? null : Long.toString(t.energyWattHours()), true);
            text(t.open() ? null : kilowattHours(t.energyWattHours()), true);
            text(t.stopReason(), true);
            text(t.signatureStatus().name(), true);
            text(Integer.toString(t.signedMeterValues().size()), true);
            text(t.cost().cost() == null ? null : decimal(t.cost().cost().toPlainString()), true);
            text(t.cost().cost() == null ? null : t.cost().currency(), true);
            out.write("\r\n");
            rows++;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public long rows() {
        return rows;
    }

    private String kilowattHours(long wattHours) {
        return decimal(BigDecimal.valueOf(wattHours, 3).toPlainString());
    }

    private String decimal(String plain) {
        return style.decimal == '.' ? plain : plain.replace('.', style.decimal);
    }

    private static String time(OffsetDateTime time) {
        return time == null ? null : ISO.format(time);
    }

    private void text(String value, boolean separatorFirst) throws IOException {
        if (separatorFirst) {
            out.write(style.separator);
        }
        if (value == null || value.isEmpty()) {
            return;
        }
        String cell = value;
        if (style == Style.SEMICOLON && looksLikeFormula(cell)) {
            cell = "'" + cell;
        }
        if (needsQuotes(cell)) {
            out.write('"');
            out.write(cell.replace("\"", "\"\""));
            out.write('"');
        } else {
            out.write(cell);
        }
    }

    private boolean needsQuotes(String cell) {
        for (int i = 0; i < cell.length(); i++) {
            char c = cell.charAt(i);
            if (c == '"' || c == '\r' || c == '\n' || c == style.separator) {
                return true;
            }
        }
        return cell.charAt(0) == ' ' || cell.charAt(cell.length() - 1) == ' ';
    }

    /** Excel and LibreOffice evaluate cells starting with these as formulas ("CSV injection"). */
    private static boolean looksLikeFormula(String cell) {
        char first = cell.charAt(0);
        if (first == '=' || first == '+' || first == '@' || first == '\t' || first == '\r') {
            return true;
        }
        // a negative number is data, "-cmd|..." is not
        return first == '-' && !cell.matches("-\\d+([.,]\\d+)?");
    }
}
