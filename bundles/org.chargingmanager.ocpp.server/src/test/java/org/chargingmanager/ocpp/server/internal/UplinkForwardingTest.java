package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chargingmanager.api.billing.AuthorizationStatus;
import org.chargingmanager.ocpp.relay.ChargePointLink;
import org.chargingmanager.ocpp.relay.ChargePointUplink;
import org.chargingmanager.ocpp.v16.Action;
import org.chargingmanager.ocpp.v16.RawConfirmation;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.core.AuthorizeConfirmation;
import eu.chargetime.ocpp.model.core.AuthorizeRequest;
import eu.chargetime.ocpp.model.core.BootNotificationRequest;
import eu.chargetime.ocpp.model.core.StartTransactionConfirmation;
import eu.chargetime.ocpp.model.core.StartTransactionRequest;
import eu.chargetime.ocpp.model.core.StopTransactionRequest;

/**
 * A charge point with a {@link ChargePointUplink}: the central system records as always and the
 * charge point gets the uplink's answer; when the uplink fails, the central system answers alone
 * (what was recorded stays recorded, so the charge point does not send it again). The gateway's
 * real uplink is tested end to end in the gateway bundle.
 */
class UplinkForwardingTest {

    @TempDir
    Path data;
    private TestSite site;

    /** Answers like a backend that gives transaction ID 555, or fails every CALL. */
    private static final class Uplink implements ChargePointUplink {
        final List<String> forwarded = new CopyOnWriteArrayList<>();
        volatile boolean failing;
        volatile long startedLogTransaction;

        @Override
        public void attached(ChargePointLink link) {
            forwarded.add("attached " + link.chargeBoxId());
        }

        @Override
        public void notify(Action action, String payloadJson) {
            forwarded.add(action.wireName());
        }

        @Override
        public CompletionStage<RawConfirmation> forward(Action action, String payloadJson, long logTransactionId) {
            forwarded.add(action.wireName() + " " + logTransactionId);
            if (failing) {
                return CompletableFuture.failedFuture(new IllegalStateException("the gateway is stopped"));
            }
            return CompletableFuture.completedFuture(new RawConfirmation(switch (action) {
                case AUTHORIZE -> "{\"idTagInfo\":{\"status\":\"Blocked\"}}";
                case START_TRANSACTION -> {
                    startedLogTransaction = logTransactionId;
                    yield "{\"idTagInfo\":{\"status\":\"Accepted\"},\"transactionId\":555}";
                }
                default -> "{}";
            }));
        }

        @Override
        public OptionalLong logTransactionId(int chargePointTransactionId) {
            return chargePointTransactionId == 555 ? OptionalLong.of(startedLogTransaction) : OptionalLong.empty();
        }
    }

    @AfterEach
    void stop() {
        if (site != null) {
            site.close();
        }
    }

    @Test
    void theUplinkDecidesAndOurLogKeepsItsOwnId() throws Exception {
        site = TestSite.start(data);
        site.rfids.put("CARD", AuthorizationStatus.ACCEPTED);
        Uplink uplink = new Uplink();
        site.uplinks.put("UP-1", uplink);
        try (OcaCharger charger = new OcaCharger("UP-1", null, null).connect(site.url("/ocpp"))) {
            charger.send(new BootNotificationRequest("V", "M"));
            AuthorizeConfirmation authorized = (AuthorizeConfirmation) charger.send(new AuthorizeRequest("CARD"));
            assertThat(authorized.getIdTagInfo().getStatus()).as("the backend, not our user list")
                    .isEqualTo(eu.chargetime.ocpp.model.core.AuthorizationStatus.Blocked);
            StartTransactionConfirmation started = (StartTransactionConfirmation) charger.send(
                    new StartTransactionRequest(1, "CARD", 100, ZonedDateTime.now()));
            assertThat(started.getTransactionId()).isEqualTo(555);
            long logId = uplink.startedLogTransaction;
            assertThat(site.transactions.find(logId)).get().matches(t -> t.open() && t.idTag().equals("CARD"));
            charger.send(new StopTransactionRequest(900, ZonedDateTime.now(), 555));
            assertThat(site.transactions.find(logId)).get().matches(t -> !t.open() && t.meterStopWattHours() == 900);
            charger.send(new StopTransactionRequest(900, ZonedDateTime.now(), 555)); // it missed our answer
            assertThat(uplink.forwarded).containsExactly("attached UP-1", "BootNotification", "Authorize 0",
                    "StartTransaction " + logId, "StopTransaction " + logId); // the second Stop not passed on
        }
    }

    @Test
    void whenTheUplinkFailsTheCentralSystemAnswersAlone() throws Exception {
        site = TestSite.start(data);
        site.rfids.put("CARD", AuthorizationStatus.ACCEPTED);
        Uplink uplink = new Uplink();
        uplink.failing = true;
        site.uplinks.put("UP-2", uplink);
        try (OcaCharger charger = new OcaCharger("UP-2", null, null).connect(site.url("/ocpp"))) {
            charger.send(new BootNotificationRequest("V", "M"));
            AuthorizeConfirmation authorized = (AuthorizeConfirmation) charger.send(new AuthorizeRequest("CARD"));
            assertThat(authorized.getIdTagInfo().getStatus())
                    .isEqualTo(eu.chargetime.ocpp.model.core.AuthorizationStatus.Accepted);
            StartTransactionConfirmation started = (StartTransactionConfirmation) charger.send(
                    new StartTransactionRequest(1, "CARD", 100, ZonedDateTime.now()));
            assertThat(site.transactions.find(started.getTransactionId())).as("our log's ID, recorded once")
                    .get().matches(t -> t.open());
            assertThat(site.transactions.byId).hasSize(1);
        }
    }
}
