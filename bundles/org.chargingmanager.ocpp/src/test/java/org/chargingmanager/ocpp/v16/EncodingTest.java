package org.chargingmanager.ocpp.v16;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

/** We never send what we would reject: encoding checks the same schema and names the field. */
class EncodingTest {

    private static final Ocpp16JsonCodec CENTRAL_SYSTEM = Ocpp16JsonCodec.forRole(Role.CENTRAL_SYSTEM);

    @Test
    void aTooLongStringIsRefused() {
        assertThatThrownBy(() -> CENTRAL_SYSTEM.encodeCall(new OutgoingCall("1",
                new ChangeConfigurationRequest("K".repeat(51), "1"))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("ChangeConfiguration request: key: longer than 50 characters");
    }

    @Test
    void aMissingRequiredFieldIsRefused() {
        assertThatThrownBy(() -> CENTRAL_SYSTEM.encodeConfirmation("1",
                new BootNotificationConfirmation(RegistrationStatus.ACCEPTED, null, 300)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("BootNotification confirmation: currentTime: required");
    }

    @Test
    void aLimitWithTwoDecimalsIsRefused() {
        ChargingProfile profile = new ChargingProfile(1, null, 0, ChargingProfilePurpose.TX_DEFAULT_PROFILE,
                ChargingProfileKind.ABSOLUTE, null, null, null, new ChargingSchedule(null, null,
                        ChargingRateUnit.AMPERES, List.of(new ChargingSchedulePeriod(0, 6.25, null)), null));

        assertThatThrownBy(() -> CENTRAL_SYSTEM.encodeCall(new OutgoingCall("1", new SetChargingProfileRequest(1, profile))))
                .hasMessage("SetChargingProfile request: csChargingProfiles.chargingSchedule.chargingSchedulePeriod[0]"
                        + ".limit: more than 1 decimal places: \"6.25\"");
    }

    @Test
    void anEmptyScheduleIsRefused() {
        ChargingProfile profile = new ChargingProfile(1, null, 0, ChargingProfilePurpose.TX_DEFAULT_PROFILE,
                ChargingProfileKind.ABSOLUTE, null, null, null,
                new ChargingSchedule(null, null, ChargingRateUnit.AMPERES, List.of(), null));

        assertThatThrownBy(() -> CENTRAL_SYSTEM.encodeCall(new OutgoingCall("1", new SetChargingProfileRequest(1, profile))))
                .hasMessage("SetChargingProfile request: csChargingProfiles.chargingSchedule.chargingSchedulePeriod: "
                        + "fewer than 1 element");
    }

    @Test
    void anActionOfTheOtherSideIsRefused() {
        assertThatThrownBy(() -> CENTRAL_SYSTEM.encodeCall(new OutgoingCall("1", new HeartbeatRequest())))
                .hasMessage("Heartbeat is not sent by a central system");
    }

    @Test
    void aMessageIdLongerThan36CharactersIsRefused() {
        assertThatThrownBy(() -> CENTRAL_SYSTEM.encodeCall(new OutgoingCall("x".repeat(37), new ResetRequest(ResetType.HARD))))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
