package org.chargingmanager.eichrecht;

import java.util.List;
import java.util.Locale;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.eichrecht.SignedReading;

/**
 * Checks that a transaction's signed begin and end readings agree with its meter start and
 * stop (both in Wh).
 *
 * <p>Tolerance: {@link SignedReading#TOLERANCE_WATT_HOURS} either way. Only energy-import
 * registers count ({@link SignedReading#importRegister()}). The begin reading is the first begin
 * reading, the end reading the last end reading ({@link SignedReading#begin()},
 * {@link SignedReading#end()}).
 */
public final class MeterReadingAgreement {

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
            if (!reading.importRegister()) {
                continue;
            }
            if (begin == null && reading.begin()) {
                begin = reading;
            }
            if (reading.end()) {
                end = reading;
            }
        }
        if (begin == null) {
            return new Result(false, "no signed begin reading");
        }
        if (!begin.agreesWith(transaction.meterStartWattHours())) {
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
        if (!end.agreesWith(transaction.meterStopWattHours())) {
            return new Result(false, String.format(Locale.ROOT,
                    "signed end reading %.1f Wh differs from the meter stop %d Wh", end.energyWattHours(),
                    transaction.meterStopWattHours()));
        }
        return new Result(true, "");
    }

}
