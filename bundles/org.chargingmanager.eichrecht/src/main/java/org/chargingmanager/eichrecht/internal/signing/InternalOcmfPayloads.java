package org.chargingmanager.eichrecht.internal.signing;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import org.chargingmanager.api.billing.Transaction;

/**
 * The OCMF 1.0 payloads of internally signed readings, shaped as the transparency software
 * demands: a begin record with one {@code B} reading and an end record with one {@code E}
 * reading (the software rejects an end record that also contains the begin reading), register
 * {@code 1-b:1.8.0} in kWh, status {@code G}, and {@code ST} and {@code RU} on the first
 * reading. Time stamps are marked {@code I} (informative clock): the charging manager's clock is
 * not a calibrated one.
 *
 * <p>The pagination counter is derived from the transaction ID ({@code T(2 id - 1)} for the
 * begin, {@code T(2 id)} for the end record), so it grows without stored state.
 */
public final class InternalOcmfPayloads {

    public static final String OBIS_IMPORT_REGISTER = "1-b:1.8.0";
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss,SSSZ",
            Locale.ROOT);

    private InternalOcmfPayloads() {
    }

    public static String begin(String evseId, Transaction transaction) {
        return payload(evseId, transaction, 2 * transaction.id() - 1, "B", transaction.start(),
                transaction.meterStartWattHours());
    }

    public static String end(String evseId, Transaction transaction) {
        if (transaction.open()) {
            throw new IllegalArgumentException("transaction " + transaction.id() + " is still open");
        }
        return payload(evseId, transaction, 2 * transaction.id(), "E", transaction.end(),
                transaction.meterStopWattHours());
    }

    private static String payload(String evseId, Transaction transaction, long page, String type, OffsetDateTime time,
            long energyWattHours) {
        String idTag = transaction.idTag();
        boolean identified = idTag != null && !idTag.isBlank();
        StringBuilder json = new StringBuilder(512);
        json.append("{\"FV\":\"1.0\",\"GI\":\"Charging Manager internal signing\",\"GS\":").append(quote(evseId))
                .append(",\"GV\":\"1.0\",\"PG\":\"T").append(page).append('"')
                .append(",\"MV\":\"Charging Manager\",\"MM\":\"internal\",\"MS\":").append(quote(evseId))
                .append(",\"IS\":").append(identified)
                .append(",\"IL\":\"").append(identified ? "HEARSAY" : "NONE").append('"')
                .append(",\"IF\":[],\"IT\":\"").append(identified ? "UNDEFINED" : "NONE").append('"')
                .append(",\"ID\":").append(quote(identified ? idTag : ""))
                .append(",\"CT\":\"EVSEID\",\"CI\":").append(quote(evseId))
                .append(",\"RD\":[{\"TM\":\"").append(TIME.format(time)).append(" I\"")
                .append(",\"TX\":\"").append(type).append('"')
                .append(",\"RV\":").append(BigDecimal.valueOf(energyWattHours, 3).toPlainString())
                .append(",\"RI\":\"").append(OBIS_IMPORT_REGISTER).append('"')
                .append(",\"RU\":\"kWh\",\"RT\":\"AC\",\"EF\":\"\",\"ST\":\"G\"}]}");
        return json.toString();
    }

    /** A JSON string; {@code |} is escaped too, since OCMF forbids it inside a section. */
    static String quote(String text) {
        StringBuilder out = new StringBuilder(text.length() + 2).append('"');
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"' || c == '\\') {
                out.append('\\').append(c);
            } else if (c < 0x20 || c == '|' || c == 0x7f) {
                out.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('"').toString();
    }
}
