package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.chargingmanager.api.eichrecht.SignedReading;
import org.junit.jupiter.api.Test;

class SignedReadingAgreementTest {

    private static SignedReading reading(String type, String obis, double wattHours) {
        return new SignedReading(Instant.EPOCH, type, obis, wattHours, "G");
    }

    @Test
    void beginAndEndWithinTenWattHoursAgree() {
        assertThat(SignedReadingAgreement.check("Transaction.Begin", List.of(reading("B", "1-b:1.8.0", 1_005)), 1_000, null))
                .isNull();
        assertThat(SignedReadingAgreement.check("Transaction.End", List.of(reading("E", "1-b:1.8.0", 2_990)), 1_000, 3_000L))
                .isNull();
        assertThat(SignedReadingAgreement.check("Transaction.End",
                List.of(reading("B", "01-00:01.08.00.FF", 1_000), reading("E", "01-00:01.08.00.FF", 3_000)), 1_000, 3_000L))
                .isNull();
    }

    @Test
    void aBeginReadingThatDiffersFromMeterStartFails() {
        assertThat(SignedReadingAgreement.check("Transaction.Begin", List.of(reading("B", null, 1_200)), 1_000, null))
                .contains("meter start 1000 Wh");
    }

    @Test
    void anEndReadingThatDiffersFromMeterStopFails() {
        assertThat(SignedReadingAgreement.check("Transaction.End", List.of(reading("E", "1-b:1.8.0", 3_500)), 1_000, 3_000L))
                .contains("meter stop 3000 Wh");
        // a B reading inside the end record is checked too
        assertThat(SignedReadingAgreement.check("Transaction.End",
                List.of(reading("B", "1-b:1.8.0", 900), reading("E", "1-b:1.8.0", 3_000)), 1_000, 3_000L))
                .contains("meter start");
    }

    @Test
    void theContextDemandsItsReading() {
        assertThat(SignedReadingAgreement.check("Transaction.Begin", List.of(reading("E", null, 1_000)), 1_000, null))
                .contains("no signed begin reading");
        assertThat(SignedReadingAgreement.check("Transaction.End", List.of(reading("B", null, 1_000)), 1_000, 3_000L))
                .contains("no signed end reading");
    }

    @Test
    void otherRegistersAreIgnored() {
        // 1-b:2.8.0 is the export register: not compared
        assertThat(SignedReadingAgreement.check("Sample.Periodic", List.of(reading("B", "1-b:2.8.0", 99_999)), 1_000, null))
                .isNull();
        assertThat(org.chargingmanager.api.eichrecht.SignedReading.importRegister("1-b:1.8.0")).isTrue();
        assertThat(org.chargingmanager.api.eichrecht.SignedReading.importRegister("1-0:2.8.0*255")).isFalse();
    }
}
