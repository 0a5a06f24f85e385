package org.chargingmanager.billing.internal.log;

import static org.assertj.core.api.Assertions.assertThat;
import static org.chargingmanager.api.eichrecht.VerificationStatus.FAILED;
import static org.chargingmanager.api.eichrecht.VerificationStatus.NONE;
import static org.chargingmanager.api.eichrecht.VerificationStatus.NOT_VERIFIABLE;
import static org.chargingmanager.api.eichrecht.VerificationStatus.VERIFIED;

import java.util.List;

import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.junit.jupiter.api.Test;

/** A transaction's signature status: VERIFIED only if all verify, FAILED if any fails, NONE without. */
class SignatureSummaryTest {

    private static VerificationStatus summary(VerificationStatus... added) {
        VerificationStatus summary = NONE;
        for (VerificationStatus status : List.of(added)) {
            summary = JdbcTransactionLog.summarize(summary, status);
        }
        return summary;
    }

    @Test
    void summaries() {
        assertThat(summary()).isEqualTo(NONE);
        assertThat(summary(VERIFIED, VERIFIED)).isEqualTo(VERIFIED);
        assertThat(summary(VERIFIED, NOT_VERIFIABLE)).isEqualTo(NOT_VERIFIABLE);
        assertThat(summary(NOT_VERIFIABLE, VERIFIED)).isEqualTo(NOT_VERIFIABLE);
        assertThat(summary(VERIFIED, FAILED)).isEqualTo(FAILED);
        assertThat(summary(FAILED, VERIFIED)).isEqualTo(FAILED);
        assertThat(summary(NOT_VERIFIABLE, FAILED, VERIFIED)).isEqualTo(FAILED);
    }
}
