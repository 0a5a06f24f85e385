package org.chargingmanager.eichrecht;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.chargingmanager.api.SignedReading;
import org.chargingmanager.api.Transaction;

/**
 * Checks that a transaction's signed begin and end readings agree with its meter start and
 * stop (both in Wh).
 *
 * <p>Tolerance: {@value #TOLERANCE_WATT_HOURS} Wh either way. OCMF's application rule
 * recommends kWh with two decimals (a resolution of 10 Wh), and a wallbox may round its Wh
 * register differently from the signed kWh value.
 *
 * <p>Only energy-import registers count (OBIS value group C = 1, D = 8, for example
 * {@code 1-b:1.8.0} or {@code 01-00:01.08.00.FF}), or readings without an OBIS code. The begin
 * reading is the first one of type {@code B}; the end reading the last one of type {@code E} or
 * one of the more precise end codes {@code L R A P}.
 */
public final class MeterReadingAgreement {

    public static final double TOLERANCE_WATT_HOURS = 10;

    private static final Set<String> END_TYPES = Set.of("E", "L", "R", "A", "P");
    private static final Pattern OBIS = Pattern.compile("(?:[0-9a-fA-F]+-[0-9a-fA-F]+:)?0*([0-9a-fA-F]+)\\.0*([0-9a-fA-F]+)\\..*");

    /**
     * @param agrees begin (and end, once the transaction is closed) agree within the tolerance
     * @param reason what disagrees or is missing, in words for a user; empty when it agrees
     */
    public record Result(boolean agrees, String reason) {
    }

    private MeterReadingAgreement() {
    }

    public static Result check(Transaction transaction, List<SignedReading> readings) {
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
        if (begin == null) {
            return new Result(false, "no signed begin reading");
        }
        if (Math.abs(begin.energyWattHours() - transaction.meterStartWattHours()) > TOLERANCE_WATT_HOURS) {
            return new Result(false, String.format(Locale.ROOT,
                    "signed begin reading %.1f Wh differs from the meter start %d Wh", begin.energyWattHours(),
                    transaction.meterStartWattHours()));
        }
        if (transaction.open()) {
            return new Result(true, "");
        }
        if (end == null) {
            return new Result(false, "no signed end reading");
        }
        if (Math.abs(end.energyWattHours() - transaction.meterStopWattHours()) > TOLERANCE_WATT_HOURS) {
            return new Result(false, String.format(Locale.ROOT,
                    "signed end reading %.1f Wh differs from the meter stop %d Wh", end.energyWattHours(),
                    transaction.meterStopWattHours()));
        }
        return new Result(true, "");
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
