package org.chargingmanager.eichrecht.internal;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chargingmanager.eichrecht.internal.format.OcmfReading;
import org.chargingmanager.eichrecht.internal.format.OcmfRecord;

/**
 * The structural rules the S.A.F.E. transparency software applies to the OCMF values of one
 * transaction before it shows a result: format version at most 1.3, exactly one begin and one
 * end reading, no begin in the end value and no end in the begin value, OBIS code with A = 1 and
 * D = 8, and ST and RU on the first reading of each record. Returns the violations.
 */
public final class TransparencyRules {

    private static final Pattern OBIS = Pattern.compile("([0-9a-fA-F]+)-([0-9a-fA-F]+):([0-9a-fA-F]+)\\.([0-9a-fA-F]+)\\..*");

    private TransparencyRules() {
    }

    public static List<String> violations(List<String> recordsOfOneTransaction) throws Exception {
        List<String> violations = new ArrayList<>();
        int begins = 0;
        int ends = 0;
        for (int i = 0; i < recordsOfOneTransaction.size(); i++) {
            OcmfRecord record = OcmfRecord.parse(recordsOfOneTransaction.get(i));
            if (record.formatVersion() == null || new BigDecimal(record.formatVersion()).compareTo(new BigDecimal("1.3")) > 0) {
                violations.add("format version " + record.formatVersion());
            }
            if (!OcmfRecord.firstReadingHas(record.payload(), "ST")) {
                violations.add("record " + i + ": no ST on the first reading");
            }
            if (!OcmfRecord.firstReadingHas(record.payload(), "RU")) {
                violations.add("record " + i + ": no RU on the first reading");
            }
            for (OcmfReading reading : record.readings()) {
                Matcher obis = OBIS.matcher(reading.obis() == null ? "" : reading.obis());
                if (!obis.matches() || Integer.parseInt(obis.group(1), 16) != 1
                        || Integer.parseInt(obis.group(4), 16) != 8) {
                    violations.add("record " + i + ": OBIS " + reading.obis() + " is not A=1, D=8");
                }
                if ("B".equals(reading.type())) {
                    begins++;
                    if (recordsOfOneTransaction.size() > 1 && i == recordsOfOneTransaction.size() - 1) {
                        violations.add("the end value contains a begin reading");
                    }
                }
                if ("E".equals(reading.type())) {
                    ends++;
                    if (recordsOfOneTransaction.size() > 1 && i == 0) {
                        violations.add("the begin value contains an end reading");
                    }
                }
            }
        }
        if (begins != 1) {
            violations.add(begins + " begin readings");
        }
        if (ends != 1) {
            violations.add(ends + " end readings");
        }
        return violations;
    }
}
