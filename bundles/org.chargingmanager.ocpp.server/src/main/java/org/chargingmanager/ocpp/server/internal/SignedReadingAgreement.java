package org.chargingmanager.ocpp.server.internal;

import java.util.List;
import java.util.Locale;

import org.chargingmanager.api.eichrecht.SignedReading;

/**
 * Whether the readings inside one verified signed meter value agree with what the charger
 * reported over OCPP: a begin reading ({@code B}) with the transaction's meterStart, an end
 * reading ({@code E}, or the end codes {@code L R A P}) with its meterStop, within
 * {@link SignedReading#TOLERANCE_WATT_HOURS}. The rule of the Eichrecht bundle's
 * {@code MeterReadingAgreement} (both use {@link SignedReading}'s), applied per value as it
 * arrives, so the OCPP server does not need that bundle. Only energy-import registers count.
 */
final class SignedReadingAgreement {

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
        if ("Transaction.Begin".equals(context) && begin == null) {
            return "the Transaction.Begin value has no signed begin reading";
        }
        if ("Transaction.End".equals(context) && end == null) {
            return "the Transaction.End value has no signed end reading";
        }
        if (begin != null && !begin.agreesWith(meterStartWattHours)) {
            return String.format(Locale.ROOT, "signed begin reading %.1f Wh differs from the meter start %d Wh",
                    begin.energyWattHours(), meterStartWattHours);
        }
        if (end != null && meterStopWattHours != null && !end.agreesWith(meterStopWattHours)) {
            return String.format(Locale.ROOT, "signed end reading %.1f Wh differs from the meter stop %d Wh",
                    end.energyWattHours(), meterStopWattHours);
        }
        return null;
    }

}
