package org.chargingmanager.testkit.modbus;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The slave side of Modbus over serial line (V1.02): RTU and ASCII frames, written for the simulator from the
 * specification and independent of the driver side's code.
 */
final class SerialFrameCodec {

    private SerialFrameCodec() {
    }

    static int crc16(byte[] bytes, int length) {
        int crc = 0xFFFF;
        for (int i = 0; i < length; i++) {
            crc ^= bytes[i] & 0xFF;
            for (int bit = 0; bit < 8; bit++) {
                boolean carry = (crc & 1) == 1;
                crc >>>= 1;
                if (carry) {
                    crc ^= 0xA001;
                }
            }
        }
        return crc;
    }

    /** Unit and PDU of the next RTU request, or null if its CRC is wrong. */
    static byte[] readRtuRequest(DataInputStream in) throws IOException {
        byte[] head = new byte[6];
        in.readFully(head);
        int function = head[1] & 0xFF;
        int length = 8;
        if (function == 15 || function == 16) {
            length = 9 + in.readUnsignedByte();
        }
        byte[] frame = new byte[length];
        System.arraycopy(head, 0, frame, 0, 6);
        int at = 6;
        if (length > 8) {
            frame[at++] = (byte) (length - 9);
        }
        in.readFully(frame, at, length - at);
        int crc = crc16(frame, length - 2);
        if ((frame[length - 2] & 0xFF) != (crc & 0xFF) || (frame[length - 1] & 0xFF) != (crc >>> 8)) {
            return null;
        }
        return java.util.Arrays.copyOf(frame, length - 2);
    }

    /** Unit and PDU of the next ASCII frame (':' ... LRC CR LF), or null if it is not valid hex or its LRC wrong. */
    static byte[] readAsciiFrame(DataInputStream in) throws IOException {
        int c;
        do {
            c = in.readUnsignedByte();
        } while (c != ':');
        StringBuilder hex = new StringBuilder();
        while ((c = in.readUnsignedByte()) != '\n') {
            if (c != '\r') {
                hex.append((char) c);
            }
        }
        if (hex.length() < 6 || hex.length() % 2 == 1) {
            return null;
        }
        byte[] all = new byte[hex.length() / 2];
        int sum = 0;
        for (int i = 0; i < all.length; i++) {
            int high = Character.digit(hex.charAt(2 * i), 16);
            int low = Character.digit(hex.charAt(2 * i + 1), 16);
            if (high < 0 || low < 0) {
                return null;
            }
            all[i] = (byte) (high * 16 + low);
            sum += all[i] & 0xFF;
        }
        if ((sum & 0xFF) != 0) {
            return null; // the LRC makes the sum of all bytes 0
        }
        return java.util.Arrays.copyOf(all, all.length - 1);
    }

    static byte[] rtu(int unitId, byte[] pdu) {
        byte[] frame = new byte[pdu.length + 3];
        frame[0] = (byte) unitId;
        System.arraycopy(pdu, 0, frame, 1, pdu.length);
        int crc = crc16(frame, pdu.length + 1);
        frame[pdu.length + 1] = (byte) (crc & 0xFF);
        frame[pdu.length + 2] = (byte) (crc >>> 8);
        return frame;
    }

    static byte[] ascii(char start, int unitId, byte[] pdu) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.write(unitId);
        bytes.write(pdu, 0, pdu.length);
        int sum = 0;
        StringBuilder text = new StringBuilder().append(start);
        for (byte b : bytes.toByteArray()) {
            sum += b & 0xFF;
            text.append(String.format("%02X", b & 0xFF));
        }
        text.append(String.format("%02X", -sum & 0xFF)).append("\r\n");
        return text.toString().getBytes(StandardCharsets.US_ASCII);
    }
}
