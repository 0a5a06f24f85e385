package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.LimitReason;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.google.gson.JsonArray;

import eu.chargetime.ocpp.model.core.BootNotificationConfirmation;
import eu.chargetime.ocpp.model.core.RegistrationStatus;
import eu.chargetime.ocpp.model.smartcharging.ClearChargingProfileRequest;
import eu.chargetime.ocpp.model.smartcharging.SetChargingProfileRequest;

/**
 * Behaviour that depends on a {@link ServerSettings} other than the test defaults: clearing the
 * profiles of a disabled EVSE, the BootNotification trigger, the REJECT policy for unknown
 * charge box IDs.
 */
class ServerSettingsCasesTest {

    @TempDir
    Path data;

    @Test
    void aDisabledEvseGetsClearChargingProfileWithoutFilterAndNoProfileUntilALimitArrivesAgain() throws Exception {
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withClearProfilesWhenDisabled(true));
                OcaCharger charger = new OcaCharger("CP-CLEAR", null, null).connect(site.url("/ocpp"))) {
            BootNotificationConfirmation boot = (BootNotificationConfirmation) charger.send(
                    charger.core.createBootNotificationRequest("OCA", "Java"));
            assertThat(boot.getStatus()).isEqualTo(RegistrationStatus.Accepted);
            charger.profileWithLimit(0.0);
            TestSite.await("EVSE", () -> site.evses.containsKey("ocpp-CP-CLEAR-1"));
            Evse evse = site.evses.get("ocpp-CP-CLEAR-1");
            evse.applyLimit(new ChargingLimit(16_000, LimitReason.HOUSE_LIMIT, ""));
            charger.profileWithLimit(16.0);
            TestSite.await("16 A applied", () -> evse.snapshot().appliedLimit().currentMilliamps() == 16_000);
            assertThat(charger.received.stream().filter(ClearChargingProfileRequest.class::isInstance)).isEmpty();

            ChargingLimit disabled = new ChargingLimit(0, LimitReason.DISABLED, "switched off by the operator");
            evse.applyLimit(disabled);

            ClearChargingProfileRequest clear = charger.next(ClearChargingProfileRequest.class);
            assertThat(clear.getId()).isNull();
            assertThat(clear.getConnectorId()).isNull();
            assertThat(clear.getChargingProfilePurpose()).isNull();
            assertThat(clear.getStackLevel()).isNull();
            TestSite.await("the disabled limit applied", () -> disabled.equals(evse.snapshot().appliedLimit()));

            // nothing more is sent for the disabled EVSE: the next profile the charger sees is the new limit's
            evse.applyLimit(new ChargingLimit(12_000, LimitReason.HOUSE_LIMIT, ""));
            SetChargingProfileRequest next = charger.profiles.poll(10, TimeUnit.SECONDS);
            assertThat(next).as("a profile after the limit arrived again").isNotNull();
            assertThat(next.getCsChargingProfiles().getChargingSchedule().getChargingSchedulePeriod()[0].getLimit())
                    .isEqualTo(12.0);
            TestSite.await("12 A applied", () -> evse.snapshot().appliedLimit().currentMilliamps() == 12_000);
        }
    }

    @Test
    void aChargerThatSendsNoBootNotificationIsAskedForOneAfterTheDelay() throws Exception {
        Duration delay = Duration.ofSeconds(1);
        try (TestSite site = new TestSite(ServerSettings.forTest(data)
                .withTimings(Duration.ofSeconds(15), Duration.ofSeconds(30), delay))) {
            long connected = System.nanoTime();
            try (RawCharger charger = new RawCharger(site.url("/ocpp/CP-SILENT"))) {
                charger.answerer = call -> "{\"status\":\"Accepted\"}";
                JsonArray trigger = charger.nextServerCall("TriggerMessage");
                long waited = System.nanoTime() - connected;
                assertThat(trigger.get(3).getAsJsonObject().get("requestedMessage").getAsString())
                        .isEqualTo("BootNotification");
                assertThat(waited).as("not before the delay").isGreaterThanOrEqualTo(delay.toNanos());
            }
        }
    }

    @Test
    void rejectPolicyRefusesAnUnknownChargerAndRegistersNothing() throws Exception {
        try (TestSite site = new TestSite(ServerSettings.forTest(data).withPolicy(UnknownChargePointPolicy.REJECT));
                RawCharger charger = new RawCharger(site.url("/ocpp/CP-UNKNOWN"))) {
            String boot = charger.call("BootNotification", "{\"chargePointVendor\":\"Raw\",\"chargePointModel\":\"Test\"}");
            assertThat(boot).startsWith("[3,").contains("\"status\":\"Rejected\"");

            for (String[] call : new String[][] {{"Heartbeat", "{}"},
                    {"StatusNotification", "{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}"},
                    {"StartTransaction", "{\"connectorId\":1,\"idTag\":\"RFID-OK\",\"meterStart\":0,\"timestamp\":\"2026-01-01T00:00:00Z\"}"}}) {
                assertThat(charger.call(call[0], call[1])).as(call[0]).startsWith("[4,").contains("\"SecurityError\"");
            }
            assertThat(site.evses).isEmpty();
            assertThat(site.transactions.byId).isEmpty();
            assertThat(charger.serverCalls).as("no set-up for a rejected charger").isEmpty();
        }
    }
}
