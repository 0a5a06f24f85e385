package org.chargingmanager.eichrecht;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.eichrecht.SignedReading;
import org.chargingmanager.eichrecht.internal.Transactions;
import org.junit.jupiter.api.Test;

class MeterReadingAgreementTest {

    private final Transaction open = Transactions.open(1, "e1", "2024-05-01T10:00:00Z", 259_600);
    private final Transaction closed = Transactions.closed(open, "2024-05-01T11:00:00Z", 269_700);

    private static SignedReading reading(String type, String obis, double wattHours) {
        return new SignedReading(Instant.EPOCH, type, obis, wattHours, "G");
    }

    @Test
    void agreesWithinTheTolerance() {
        var result = MeterReadingAgreement.check(closed, List.of(reading("B", "1-b:1.8.0", 259_605),
                reading("E", "01-00:01.08.00.FF", 269_690)));

        assertThat(result.agrees()).isTrue();
        assertThat(result.reason()).isEmpty();
    }

    @Test
    void disagreesBeyondTheTolerance() {
        var result = MeterReadingAgreement.check(closed, List.of(reading("B", "1-b:1.8.0", 259_600),
                reading("R", "1-b:1.8.0", 269_711)));

        assertThat(result.agrees()).isFalse();
        assertThat(result.reason()).contains("end reading 269711.0 Wh differs from the meter stop 269700 Wh");
    }

    @Test
    void ignoresOtherRegistersAndNeedsBothEndsOfAClosedTransaction() {
        assertThat(MeterReadingAgreement.check(closed, List.of(reading("B", "1-0:2.8.0", 259_600))).reason())
                .isEqualTo("no signed begin reading");
        assertThat(MeterReadingAgreement.check(closed, List.of(reading("B", "1-0:1.8.0*198", 259_600))).reason())
                .isEqualTo("no signed end reading");
        assertThat(MeterReadingAgreement.check(open, List.of(reading("B", null, 259_600))).agrees()).isTrue();
    }
}
