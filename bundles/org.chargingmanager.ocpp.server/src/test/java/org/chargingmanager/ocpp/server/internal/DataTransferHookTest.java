package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import org.chargingmanager.ocpp.v16.DataTransferConfirmation;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.DataTransferRequest;
import eu.chargetime.ocpp.model.core.DataTransferStatus;
import eu.chargetime.ocpp.model.core.HeartbeatConfirmation;
import eu.chargetime.ocpp.model.core.RegistrationStatus;

/** TC_064: a charger's DataTransfer reaches the handler of its vendor ID, others are UnknownVendorId. */
class DataTransferHookTest {

    @TempDir
    static Path data;
    static TestSite site;
    static final CopyOnWriteArrayList<String> handled = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        site = TestSite.start(data);
        site.dataTransferHandlers.put("com.example.wallbox", (chargeBoxId, request) -> {
            handled.add(chargeBoxId + " " + request.messageId() + " " + request.data());
            return new DataTransferConfirmation(org.chargingmanager.ocpp.v16.DataTransferStatus.ACCEPTED, "{\"tariff\":\"0.39 EUR/kWh\"}");
        });
        site.dataTransferHandlers.put("com.example.broken", (chargeBoxId, request) -> {
            throw new IllegalStateException("handler bug");
        });
    }

    @AfterAll
    static void stop() {
        site.close();
    }

    @Test
    void TC_064_dataTransferGoesToTheVendorsHandlerAndOthersAreUnknown() throws Exception {
        try (OcaCharger charger = new OcaCharger("DT-1", null, null).connect(site.url("/ocpp"))) {
            BootNotificationConfirmation boot = (BootNotificationConfirmation) charger.send(
                    charger.core.createBootNotificationRequest("OCA", "Java"));
            assertThat(boot.getStatus()).isEqualTo(RegistrationStatus.Accepted);

            DataTransferRequest known = new DataTransferRequest("com.example.wallbox");
            known.setMessageId("ShowTariff");
            known.setData("{\"evse\":1}");
            eu.chargetime.ocpp.model.core.DataTransferConfirmation answer =
                    (eu.chargetime.ocpp.model.core.DataTransferConfirmation) charger.send(known);
            assertThat(answer.getStatus()).isEqualTo(DataTransferStatus.Accepted);
            assertThat(answer.getData()).isEqualTo("{\"tariff\":\"0.39 EUR/kWh\"}");
            assertThat(handled).containsExactly("DT-1 ShowTariff {\"evse\":1}");

            DataTransferRequest unknown = new DataTransferRequest("com.example.other");
            assertThat(((eu.chargetime.ocpp.model.core.DataTransferConfirmation) charger.send(unknown)).getStatus())
                    .isEqualTo(DataTransferStatus.UnknownVendorId);

            DataTransferRequest failing = new DataTransferRequest("com.example.broken");
            assertThat(((eu.chargetime.ocpp.model.core.DataTransferConfirmation) charger.send(failing)).getStatus())
                    .isEqualTo(DataTransferStatus.Rejected);

            assertThat(charger.send(charger.core.createHeartbeatRequest())).isInstanceOf(HeartbeatConfirmation.class);
        }
    }

    @Test
    void handlersAreFoundByVendorIdWithoutRegardToCase() {
        DataTransferHandlers handlers = new DataTransferHandlers();
        org.chargingmanager.ocpp.server.DataTransferHandler handler = (id, request) -> null;
        handlers.add(handler, Map.of(org.chargingmanager.ocpp.server.DataTransferHandler.VENDOR_ID_PROPERTY,
                new String[] {"Com.Example.Wallbox", "other"}));

        assertThat(handlers.find("com.example.WALLBOX ")).containsSame(handler);
        assertThat(handlers.find("OTHER")).containsSame(handler);
        assertThat(handlers.find("com.example")).isEmpty();
        handlers.remove(handler);
        assertThat(handlers.find("other")).isEmpty();
    }
}
