package org.chargingmanager.billing.internal.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.StringReader;
import java.math.BigDecimal;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.chargingmanager.api.billing.PricedEnergy;
import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionCost;
import org.chargingmanager.api.eichrecht.SignedMeterValue;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.junit.jupiter.api.Test;

/** The CSV is read back with Apache Commons CSV, a parser nobody here wrote. */
class TransactionCsvWriterTest {

    private static final OffsetDateTime START = OffsetDateTime.of(2025, 3, 30, 1, 59, 58, 900_000_000,
            ZoneOffset.ofHours(1));

    private static final Transaction CLOSED = new Transaction(7, "garage, left", "CB\"1\"", 2, "u1", "=HYPERLINK(\"x\")",
            START, START.plusHours(2).withOffsetSameInstant(ZoneOffset.ofHours(2)), 1_000, 13_345L, "EVDisconnected",
            List.of(new SignedMeterValue("OCMF|{}|{}", "Transaction.End", Instant.EPOCH, VerificationStatus.VERIFIED,
                    null)), VerificationStatus.VERIFIED,
            new TransactionCost("EUR", List.of(new PricedEnergy(Instant.parse("2025-03-30T00:00:00Z"),
                    Instant.parse("2025-03-30T01:00:00Z"), 0.30, 12_345)), 0, new BigDecimal("3.70")));
    private static final Transaction OPEN = new Transaction(8, "carport", null, 1, null, null,
            START.withOffsetSameInstant(ZoneOffset.UTC), null, 500, null, null, List.of(), null);
    private static final Map<String, String> NAMES = Map.of("u1", "Müller, \"Hans\"\nline 2");

    private static String write(TransactionCsvWriter.Style style, Transaction... transactions) throws Exception {
        StringWriter out = new StringWriter();
        TransactionCsvWriter csv = new TransactionCsvWriter(out, style, NAMES);
        csv.writeHeader();
        for (Transaction t : transactions) {
            csv.accept(t);
        }
        assertThat(csv.rows()).isEqualTo(transactions.length);
        return out.toString();
    }

    @Test
    void rfc4180WithHeaderQuotingAndIsoTimes() throws Exception {
        String text = write(TransactionCsvWriter.Style.COMMA, CLOSED, OPEN);

        assertThat(text).startsWith("transaction_id,evse_id,charge_box_id,connector_id,user_id,user_name,id_tag,start,"
                + "end,meter_start_wh,meter_stop_wh,energy_wh,energy_kwh,stop_reason,signature_status,"
                + "signed_meter_values,cost,currency\r\n");
        assertThat(text).endsWith("\r\n");
        assertThat(text).contains("\"Müller, \"\"Hans\"\"\nline 2\"");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(text)).getRecords();
        assertThat(records).hasSize(2);
        CSVRecord closed = records.get(0);
        assertThat(closed.get("transaction_id")).isEqualTo("7");
        assertThat(closed.get("evse_id")).isEqualTo("garage, left");
        assertThat(closed.get("charge_box_id")).isEqualTo("CB\"1\"");
        assertThat(closed.get("user_name")).isEqualTo("Müller, \"Hans\"\nline 2");
        assertThat(closed.get("id_tag")).isEqualTo("=HYPERLINK(\"x\")");
        assertThat(closed.get("start")).isEqualTo("2025-03-30T01:59:58+01:00");
        assertThat(OffsetDateTime.parse(closed.get("end"))).isEqualTo(CLOSED.end().withNano(0));
        assertThat(closed.get("end")).isEqualTo("2025-03-30T04:59:58+02:00");
        assertThat(closed.get("energy_wh")).isEqualTo("12345");
        assertThat(closed.get("energy_kwh")).isEqualTo("12.345");
        assertThat(closed.get("signature_status")).isEqualTo("VERIFIED");
        assertThat(closed.get("signed_meter_values")).isEqualTo("1");
        assertThat(closed.get("cost")).isEqualTo("3.70");
        assertThat(closed.get("currency")).isEqualTo("EUR");
        CSVRecord open = records.get(1);
        assertThat(open.get("start")).isEqualTo("2025-03-30T00:59:58Z");
        assertThat(open.get("end")).isEmpty();
        assertThat(open.get("energy_kwh")).isEmpty();
        assertThat(open.get("user_name")).isEmpty();
        assertThat(open.get("signature_status")).isEqualTo("NONE");
        assertThat(open.get("cost")).isEmpty(); // no cost known: empty, never a wrong number
        assertThat(open.get("currency")).isEmpty();
    }

    @Test
    void semicolonStyleForSpreadsheetsWithDecimalComma() throws Exception {
        String text = write(TransactionCsvWriter.Style.SEMICOLON, CLOSED, OPEN);

        assertThat(text).startsWith("\uFEFFtransaction_id;evse_id;");
        // the decimal comma needs no quotes when ';' separates
        assertThat(text).contains(";1000;13345;12345;12,345;EVDisconnected;VERIFIED;1;3,70;EUR\r\n");
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .build().parse(new StringReader(text.substring(1))).getRecords();
        CSVRecord closed = records.get(0);
        assertThat(closed.get("energy_kwh")).isEqualTo("12,345");
        assertThat(closed.get("evse_id")).isEqualTo("garage, left");
        assertThat(closed.get("user_name")).isEqualTo("Müller, \"Hans\"\nline 2");
        // a spreadsheet must not run a charger-supplied id tag as a formula
        assertThat(closed.get("id_tag")).isEqualTo("'=HYPERLINK(\"x\")");
        assertThat(records.get(1).get("meter_start_wh")).isEqualTo("500");
    }

    @Test
    void smallEnergiesAndNegativeOnesKeepTheirDigits() throws Exception {
        Transaction tiny = new Transaction(1, "e", null, 1, null, null, START, START, 100, 105L, "Local", List.of(), null);
        Transaction backwards = new Transaction(2, "e", null, 1, null, null, START, START, 100, 50L, "Local", List.of(),
                null);
        List<CSVRecord> records = CSVFormat.RFC4180.builder().setDelimiter(';').setHeader().setSkipHeaderRecord(true)
                .build().parse(new StringReader(write(TransactionCsvWriter.Style.SEMICOLON, tiny, backwards).substring(1)))
                .getRecords();
        assertThat(records.get(0).get("energy_kwh")).isEqualTo("0,005");
        assertThat(records.get(1).get("energy_kwh")).isEqualTo("-0,050");
        assertThat(records.get(1).get("energy_wh")).isEqualTo("-50");
    }
}
