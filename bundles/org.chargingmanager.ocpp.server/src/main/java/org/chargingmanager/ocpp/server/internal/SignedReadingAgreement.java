package org.chargingmanager.ocpp.server.internal;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chargingmanager.api.SignedReading;

/**
 * Whether the readings inside one verified signed meter value agree with what the charger
 * reported over OCPP: a begin reading ({@code B}) with the transaction's meterStart, an end
 * reading ({@code E}, or the end codes {@code L R A P}) with its meterStop, within
 * {@value #TOLERANCE_WATT_HOURS} Wh (OCMF recommends kWh with two decimals). The same rule as
 * the Eichrecht bundle's {@code MeterReadingAgreement}, applied per value as it arrives, so the
 * OCPP server does not need that bundle. Only energy-import registers count (OBIS C = 1,
 * D = 8) or readings without an OBIS code.
 */
final class SignedReadingAgreement {

    static final double TOLERANCE_WATT_HOURS = 10;

    private static final Set<String> END_TYPES = Set.of("E", "L", "R", "A", "P");
    private static final Pattern OBIS = Pattern.compile("(?:[0-9a-fA-F]+-[0-9a-fA-F]+:)?0*([0-9a-fA-F]+)\\.0*([0-9a-fA-F]+)\\..*");

    private SignedReadingAgreement() {
    }

    /**
     * @param context the OCPP ReadingContext of the value
     * @param meterStopWattHours {@code null} while the transaction is open
     * @return {@code null} if the readings agree (or there is nothing to compare), else why not
     */
    static String check(String context, List<SignedReading> readings, long meterStartWattHours, Long meterStopWattHours) {
        SignedReading begin = null;
        SignedReading end = null;
        for (SignedReading reading : readings) {
            if (!importRegister(reading.obis())) {
                continue;
            }
            if (begin == null && "B".equals(reading.type())) {
                begin = reading;
            }
            if (reading.type() != null && END_TYPES.contains(reading.type())) {
                end = reading;
            }
        }
        if ("Transaction.Begin".equals(context) && begin == null) {
            return "the Transaction.Begin value has no signed begin reading";
        }
        if ("Transaction.End".equals(context) && end == null) {
            return "the Transaction.End value has no signed end reading";
        }
        if (begin != null && Math.abs(begin.energyWattHours() - meterStartWattHours) > TOLERANCE_WATT_HOURS) {
            return String.format(Locale.ROOT, "signed begin reading %.1f Wh differs from the meter start %d Wh",
                    begin.energyWattHours(), meterStartWattHours);
        }
        if (end != null && meterStopWattHours != null
                && Math.abs(end.energyWattHours() - meterStopWattHours) > TOLERANCE_WATT_HOURS) {
            return String.format(Locale.ROOT, "signed end reading %.1f Wh differs from the meter stop %d Wh",
                    end.energyWattHours(), meterStopWattHours);
        }
        return null;
    }

    static boolean importRegister(String obis) {
        if (obis == null || obis.isBlank()) {
            return true;
        }
        Matcher matcher = OBIS.matcher(obis.strip());
        return matcher.matches() && Integer.parseInt(matcher.group(1), 16) == 1
                && Integer.parseInt(matcher.group(2), 16) == 8;
    }
}
