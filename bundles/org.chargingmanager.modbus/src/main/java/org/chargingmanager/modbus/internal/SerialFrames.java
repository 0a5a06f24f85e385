package org.chargingmanager.modbus.internal;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.chargingmanager.modbus.ModbusEndpoint.SerialFraming;

/**
 * The two framings of Modbus over serial line (Modbus over Serial Line V1.02): RTU (unit, PDU, CRC-16 low byte
 * first) and ASCII ({@code ':'}, the bytes as hex digits, LRC, CR LF). In ASCII an answer may also start with
 * {@code '>'}: ABL's eMH1 answers that way. Pure functions, so the test kit's simulator and the transport share
 * nothing but the specification.
 */
final class SerialFrames {

    private SerialFrames() {
    }

    /** The frame of {@code unitId} + {@code pdu} (function code and data) in {@code framing}. */
    static byte[] encode(SerialFraming framing, int unitId, byte[] pdu) {
        byte[] body = new byte[pdu.length + 1];
        body[0] = (byte) unitId;
        System.arraycopy(pdu, 0, body, 1, pdu.length);
        if (framing == SerialFraming.RTU) {
            int crc = crc16(body, body.length);
            byte[] frame = new byte[body.length + 2];
            System.arraycopy(body, 0, frame, 0, body.length);
            frame[body.length] = (byte) crc;
            frame[body.length + 1] = (byte) (crc >> 8);
            return frame;
        }
        StringBuilder text = new StringBuilder(body.length * 2 + 5).append(':');
        for (byte b : body) {
            appendHex(text, b & 0xFF);
        }
        appendHex(text, lrc(body, body.length));
        return text.append("\r\n").toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** Modbus CRC-16 (polynomial 0xA001 reflected, start 0xFFFF) of the first {@code length} bytes. */
    static int crc16(byte[] bytes, int length) {
        int crc = 0xFFFF;
        for (int i = 0; i < length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                crc = (crc & 1) != 0 ? (crc >>> 1) ^ 0xA001 : crc >>> 1;
            }
        }
        return crc & 0xFFFF;
    }

    /** Modbus ASCII LRC: the two's complement of the 8-bit sum of the bytes. */
    static int lrc(byte[] bytes, int length) {
        int sum = 0;
        for (int i = 0; i < length; i++) {
            sum += bytes[i] & 0xFF;
        }
        return (-sum) & 0xFF;
    }

    /**
     * The bytes (unit, function, data) of an ASCII frame's text between the start character and CR LF, the LRC
     * checked and removed.
     *
     * @throws IllegalArgumentException for an odd length, a character that is not a hex digit, or a wrong LRC
     */
    static byte[] decodeAscii(CharSequence hex) {
        if (hex.length() < 6 || hex.length() % 2 != 0) {
            throw new IllegalArgumentException("ASCII frame of " + hex.length() + " characters");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(hex.length() / 2);
        for (int i = 0; i < hex.length(); i += 2) {
            int high = Character.digit(hex.charAt(i), 16);
            int low = Character.digit(hex.charAt(i + 1), 16);
            if (high < 0 || low < 0) {
                throw new IllegalArgumentException("not a hex digit in an ASCII frame");
            }
            out.write(high << 4 | low);
        }
        byte[] all = out.toByteArray();
        int expected = lrc(all, all.length - 1);
        if ((all[all.length - 1] & 0xFF) != expected) {
            throw new IllegalArgumentException("LRC " + hex2(all[all.length - 1] & 0xFF) + " instead of "
                    + hex2(expected));
        }
        byte[] body = new byte[all.length - 1];
        System.arraycopy(all, 0, body, 0, body.length);
        return body;
    }

    /**
     * The length of an RTU answer (CRC included) once its first three bytes are known: exception 5, reads
     * (FC 01-04) 5 + byte count, writes (FC 05, 06, 15, 16) 8; -1 for a function this kit does not send.
     */
    static int rtuAnswerLength(int function, int thirdByte) {
        if ((function & 0x80) != 0) {
            return 5;
        }
        return switch (function) {
            case 1, 2, 3, 4 -> 5 + thirdByte;
            case 5, 6, 15, 16 -> 8;
            default -> -1;
        };
    }

    private static void appendHex(StringBuilder text, int value) {
        text.append(Character.toUpperCase(Character.forDigit(value >> 4, 16)))
                .append(Character.toUpperCase(Character.forDigit(value & 0xF, 16)));
    }

    private static String hex2(int value) {
        return String.format("%02X", value);
    }
}
