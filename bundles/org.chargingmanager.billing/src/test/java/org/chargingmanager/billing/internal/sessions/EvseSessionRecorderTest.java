package org.chargingmanager.billing.internal.sessions;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.chargingmanager.api.billing.Authorization;
import org.chargingmanager.api.billing.AuthorizationStatus;
import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionQuery;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseState;
import org.chargingmanager.billing.internal.db.Backend;
import org.chargingmanager.billing.internal.db.Database;
import org.chargingmanager.billing.internal.log.JdbcTransactionLog;
import org.chargingmanager.testkit.devices.FakeEvse;
import org.junit.jupiter.api.Test;

class EvseSessionRecorderTest {

    private static FakeEvse evse(String id, String driver) {
        return new FakeEvse(FakeEvse.info(id, driver, 3, null), Clock.systemUTC());
    }

    @Test
    void plugInOpensUnplugClosesAcrossRestartsAndOfflinePeriods() throws Exception {
        String url = Backend.H2.newDatabaseUrl();
        FakeEvse garage = evse("garage-1", "modbus");
        FakeEvse ocpp = evse("ocpp-CB1-1", "ocpp");
        Clock clock = Clock.system(ZoneId.of("Europe/Berlin"));
        long openId;
        try (Database database = Backend.H2.open(url)) {
            JdbcTransactionLog log = new JdbcTransactionLog(database);
            EvseSessionRecorder recorder = new EvseSessionRecorder(log,
                    (tag, evse) -> new Authorization(AuthorizationStatus.ACCEPTED, "user-of-" + tag, null, null), clock,
                    Set.of("ocpp"), null);
            recorder.addEvse(garage, "modbus");
            recorder.addEvse(ocpp, "ocpp");

            garage.energyWattHours(1_000.4);
            recorder.poll();
            assertThat(log.findOpen("garage-1")).isEmpty();

            garage.state(EvseState.PREPARING);
            garage.idTag("04A1");
            ocpp.state(EvseState.CHARGING);
            recorder.poll();
            recorder.poll();
            Transaction open = log.findOpen("garage-1").orElseThrow();
            assertThat(open.meterStartWattHours()).isEqualTo(1_000);
            assertThat(open.idTag()).isEqualTo("04A1");
            assertThat(open.userId()).isEqualTo("user-of-04A1");
            assertThat(open.start().getOffset()).isEqualTo(clock.getZone().getRules().getOffset(open.start().toInstant()));
            assertThat(log.findOpen("ocpp-CB1-1")).as("OCPP reports its own transactions").isEmpty();

            garage.state(EvseState.CHARGING);
            garage.energyWattHours(5_000);
            recorder.poll();
            garage.state(EvseState.OFFLINE);
            recorder.poll();
            assertThat(log.findOpen("garage-1")).contains(open);
            openId = open.id();
        }
        try (Database database = Backend.H2.open(url)) {
            // the charging manager restarted while the car was charging
            JdbcTransactionLog log = new JdbcTransactionLog(database);
            EvseSessionRecorder recorder = new EvseSessionRecorder(log,
                    (tag, evse) -> new Authorization(AuthorizationStatus.ACCEPTED, null, null, null), clock,
                    Set.of("ocpp"), null);
            recorder.addEvse(garage, "");
            garage.state(EvseState.SUSPENDED_EV);
            garage.energyWattHours(12_000.6);
            recorder.poll();
            assertThat(log.findOpen("garage-1").map(Transaction::id)).as("no second session").contains(openId);

            garage.state(EvseState.AVAILABLE);
            recorder.poll();
            recorder.poll();

            List<Transaction> all = new ArrayList<>();
            log.stream(TransactionQuery.ALL, all::add);
            assertThat(all).hasSize(1);
            Transaction closed = all.get(0);
            assertThat(closed.open()).isFalse();
            assertThat(closed.meterStopWattHours()).isEqualTo(12_001);
            assertThat(closed.energyWattHours()).isEqualTo(11_001);
            assertThat(closed.stopReason()).isEqualTo("EVDisconnected");
            assertThat(log.findOpen("garage-1")).isEmpty();
        }
    }

    @Test
    void internallySignedBeginAndEndReadingsAreAttachedToTheSession() throws Exception {
        FakeEvse garage = evse("garage-1", "modbus");
        try (Database database = Backend.H2.open(Backend.H2.newDatabaseUrl())) {
            JdbcTransactionLog log = new JdbcTransactionLog(database);
            EvseSessionRecorder recorder = new EvseSessionRecorder(log,
                    (tag, evse) -> new Authorization(AuthorizationStatus.ACCEPTED, null, null, null),
                    Clock.systemUTC(), Set.of("ocpp"), null);
            recorder.addEvse(garage, "modbus");
            recorder.addSigner(new org.chargingmanager.api.eichrecht.InternalReadingSigner() {
                @Override
                public String evseId() {
                    return "garage-1";
                }

                @Override
                public String publicKey() {
                    return "3059";
                }

                @Override
                public String signTransactionBegin(Transaction transaction) {
                    return "OCMF|{\"B\":" + transaction.meterStartWattHours() + "}|{}";
                }

                @Override
                public String signTransactionEnd(Transaction transaction) {
                    return "OCMF|{\"E\":" + transaction.meterStopWattHours() + "}|{}";
                }
            });

            garage.energyWattHours(2_000);
            garage.state(EvseState.PREPARING);
            recorder.poll();
            garage.energyWattHours(9_000);
            garage.state(EvseState.AVAILABLE);
            recorder.poll();

            List<Transaction> all = new ArrayList<>();
            log.stream(TransactionQuery.ALL, all::add);
            assertThat(all).singleElement().satisfies(session -> {
                assertThat(session.signedMeterValues()).extracting(value -> value.rawData())
                        .containsExactly("OCMF|{\"B\":2000}|{}", "OCMF|{\"E\":9000}|{}");
                assertThat(session.signedMeterValues()).extracting(value -> value.context())
                        .containsExactly("Transaction.Begin", "Transaction.End");
                assertThat(session.signatureStatus()).as("no trusted key store: cannot be verified")
                        .isEqualTo(org.chargingmanager.api.eichrecht.VerificationStatus.NOT_VERIFIABLE);
            });
        }
    }
}
