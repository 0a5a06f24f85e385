package org.chargingmanager.modbus.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;

import org.chargingmanager.modbus.ModbusEndpoint.SerialFraming;
import org.junit.jupiter.api.Test;

/** Frames checked against published examples: an ABL eMH1 exchange (ASCII) and the RTU example of the spec. */
class SerialFramesTest {

    @Test
    void encodesTheAsciiRequestAnAblBoxAnswers() {
        byte[] frame = SerialFrames.encode(SerialFraming.ASCII, 1, new byte[] {3, 0, 0x2E, 0, 5});
        assertThat(new String(frame, StandardCharsets.US_ASCII)).isEqualTo(":0103002E0005C9\r\n");
    }

    @Test
    void decodesAnAsciiAnswerAndChecksItsLrc() {
        // what an eMH1 answered (after its '>'): state B2, duty 0x10B, three currents 0x03E8
        byte[] body = SerialFrames.decodeAscii("01030A2EB2910B03E803E803E8B5");
        assertThat(body).hasSize(13).startsWith(1, 3, 10, 0x2E, (byte) 0xB2);
        assertThatThrownBy(() -> SerialFrames.decodeAscii("01030A2EB2910B03E803E803E8B6"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("LRC");
        assertThatThrownBy(() -> SerialFrames.decodeAscii("01030A2EB2910B03E803E803E8Z5"))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void encodesRtuWithTheCrcLowByteFirst() {
        // Modbus over serial line V1.02, read holding registers 0x006B x 3 of slave 0x11: CRC 0x8776
        byte[] frame = SerialFrames.encode(SerialFraming.RTU, 0x11, new byte[] {3, 0, 0x6B, 0, 3});
        assertThat(frame).containsExactly(0x11, 3, 0, 0x6B, 0, 3, 0x76, 0x87);
    }

    @Test
    void knowsTheLengthOfAnRtuAnswerFromItsFirstBytes() {
        assertThat(SerialFrames.rtuAnswerLength(3, 6)).isEqualTo(11);
        assertThat(SerialFrames.rtuAnswerLength(16, 0)).isEqualTo(8);
        assertThat(SerialFrames.rtuAnswerLength(0x83, 2)).isEqualTo(5);
        assertThat(SerialFrames.rtuAnswerLength(43, 0)).isEqualTo(-1);
    }
}
