package org.chargingmanager.ocpp.gateway.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Only the top-level transactionId changes; every other byte (signed data included) stays. */
class TransactionIdPatchTest {

    @Test
    void replacesOnlyTheTopLevelNumber() {
        String payload = "{ \"meterValue\":[{\"sampledValue\":[{\"value\":\"{\\\"transactionId\\\": 7}\","
                + "\"format\":\"SignedData\"}],\"transactionId\":7}], \"transactionId\" :  2001 ,\"connectorId\":1}";
        assertThat(TransactionIdPatch.replace(payload, 100)).isEqualTo(payload.replace("  2001 ", "  100 "));
        assertThat(TransactionIdPatch.replace("{\"transactionId\":-5}", 42)).isEqualTo("{\"transactionId\":42}");
        assertThat(TransactionIdPatch.replace("{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":555}", 2001))
                .isEqualTo("{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":2001}");
    }

    @Test
    void refusesPayloadsWithoutOne() {
        assertThatThrownBy(() -> TransactionIdPatch.replace("{\"connectorId\":1,\"x\":{\"transactionId\":1}}", 2))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> TransactionIdPatch.replace("{\"transactionId\":\"1\"}", 2))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
