package org.chargingmanager.wallbox.keba.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class KebaMessagesTest {

    @Test
    void reportTwoWithNumbersAsNumbersOrAsStrings() {
        KebaMessage message = KebaMessages.parse("{\n\"ID\": \"2\",\n\"State\": 3,\n\"Error1\": 0,\n\"Plug\": \"7\",\n"
                + "\"Enable sys\": 1,\n\"Enable user\": 1,\n\"Max curr\": 16000,\n\"Curr HW\": 32000,\n"
                + "\"Curr user\": 16000,\n\"Curr FS\": 6000,\n\"Tmo FS\": 60,\n\"Sec\": 4711\n}\n");
        assertThat(message).isEqualTo(new KebaMessage.Settings(3, 7, true, true, 16000, 16000, 32000, 6000, 60, 4711,
                -1, -1));
        assertThat(((KebaMessage.Settings) message).carConnected()).isTrue();
    }

    @Test
    void reportThreeInItsUnits() {
        KebaMessage message = KebaMessages.parse("{\"ID\": \"3\", \"U1\": 230, \"U2\": 231, \"U3\": 229, "
                + "\"I1\": 15950, \"I2\": 16010, \"I3\": 15990, \"P\": 11040000, \"PF\": 998, \"E pres\": 52340, "
                + "\"E total\": 123456789, \"Sec\": 5}");
        assertThat(message).isEqualTo(new KebaMessage.Measurements(230, 231, 229, 15950, 16010, 15990, 11_040_000,
                52_340, 123_456_789, 5));
    }

    @Test
    void answersAndPushes() {
        assertThat(KebaMessages.parse("TCH-OK :done\n")).isEqualTo(new KebaMessage.Ack(true));
        assertThat(KebaMessages.parse("TCH-ERR :unknown command")).isEqualTo(new KebaMessage.Ack(false));
        assertThat(KebaMessages.parse("{\"State\": 2}")).isInstanceOf(KebaMessage.Push.class);
    }

    @Test
    void whatIsNoReportIsGarbageWithAReadableProblem() {
        assertThat(KebaMessages.parse("\u0000\u00ff{\"ID\"")).isInstanceOf(KebaMessage.Garbage.class);
        assertThat(KebaMessages.parse("{\"ID\": \"2\", \"State\": ")).isInstanceOf(KebaMessage.Garbage.class);
        KebaMessage missing = KebaMessages.parse("{\"ID\": \"3\", \"U1\": 230}");
        assertThat(((KebaMessage.Garbage) missing).problem()).contains("U2");
        KebaMessage notANumber = KebaMessages.parse("{\"ID\": \"2\", \"State\": \"three\"}");
        assertThat(((KebaMessage.Garbage) notANumber).problem()).contains("State");
        assertThat(KebaMessages.parse("{\"ID\": \"100\"}")).isInstanceOf(KebaMessage.Garbage.class);
    }

    @Test
    void reportTwoOfAnXSeriesWithPhaseSwitchingAndReport100WithTheCard() {
        KebaMessage two = KebaMessages.parse("{\"ID\": \"2\", \"State\": 2, \"Plug\": 7, \"Enable sys\": 1, "
                + "\"Enable user\": 1, \"Max curr\": 16000, \"Curr HW\": 32000, \"Curr user\": 16000, "
                + "\"Curr FS\": 0, \"Tmo FS\": 0, \"X2 phaseSwitch source\": 4, \"X2 phaseSwitch\": 1, \"Sec\": 9}");
        assertThat(((KebaMessage.Settings) two).phaseSwitchSource()).isEqualTo(4);
        assertThat(((KebaMessage.Settings) two).phaseSwitch()).isEqualTo(1);
        assertThat(KebaMessages.parse("{\"ID\": \"100\", \"Session ID\": 35, \"RFID tag\": \"04a2b3c4d5e60000\", "
                + "\"RFID class\": \"01010400000000000000\", \"Sec\": 9}"))
                .isEqualTo(new KebaMessage.Session("04a2b3c4d5e60000"));
        assertThat(KebaMessages.parse("{\"ID\": \"100\", \"RFID tag\": \"0000000000000000\"}"))
                .isEqualTo(new KebaMessage.Session(null));
    }
}
