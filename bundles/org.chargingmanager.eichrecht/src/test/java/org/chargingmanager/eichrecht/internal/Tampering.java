package org.chargingmanager.eichrecht.internal;

import java.util.Base64;

import org.chargingmanager.eichrecht.internal.codec.Base32;
import org.chargingmanager.eichrecht.internal.codec.Hex;

/** Small, targeted changes to real signed data. */
public final class Tampering {

    private Tampering() {
    }

    /** Changes one digit of the first reading value ({@code RV}; Alfen: the value field). */
    public static String changeReadingDigit(String data) {
        if (data.startsWith("AP;")) {
            String[] parts = data.split(";", -1);
            byte[] dataset = Base32.decode(parts[4]);
            dataset[46] ^= 0x01;
            parts[4] = Base32.encode(dataset);
            return String.join(";", parts);
        }
        int rv = data.indexOf("\"RV\"");
        for (int i = rv + 4; i < data.length(); i++) {
            char c = data.charAt(i);
            if (Character.isDigit(c)) {
                return data.substring(0, i) + (char) ('0' + (c - '0' + 1) % 10) + data.substring(i + 1);
            }
        }
        throw new IllegalArgumentException("no reading value in " + data);
    }

    /** Flips the lowest bit of the signature's last byte. */
    public static String flipSignatureBit(String data) {
        if (data.startsWith("AP;")) {
            String[] parts = data.split(";", -1);
            byte[] signature = Base32.decode(parts[5]);
            signature[signature.length - 1] ^= 0x01;
            parts[5] = Base32.encode(signature);
            return String.join(";", parts);
        }
        int sd = data.indexOf("\"SD\"", data.lastIndexOf('|'));
        int start = data.indexOf('"', data.indexOf(':', sd)) + 1;
        int end = data.indexOf('"', start);
        String value = data.substring(start, end);
        String flipped;
        if (data.contains("\"base64\"")) {
            byte[] bytes = Base64.getDecoder().decode(value);
            bytes[bytes.length - 1] ^= 0x01;
            flipped = Base64.getEncoder().encodeToString(bytes);
        } else {
            byte[] bytes = Hex.decodeLenient(value);
            bytes[bytes.length - 1] ^= 0x01;
            flipped = Hex.encode(bytes);
        }
        return data.substring(0, start) + flipped + data.substring(end);
    }
}
