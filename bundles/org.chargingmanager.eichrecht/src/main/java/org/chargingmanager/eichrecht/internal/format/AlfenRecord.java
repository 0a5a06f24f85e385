package org.chargingmanager.eichrecht.internal.format;

import java.math.BigInteger;
import java.time.Instant;
import java.util.Locale;

import org.chargingmanager.api.eichrecht.SignedReading;
import org.chargingmanager.eichrecht.internal.codec.Base32;

/**
 * An Alfen signed meter value: {@code AP;<type>;<blob version>;<public key>;<dataset>;<signature>;}
 * with base32 fields. The signed bytes are the decoded 82-byte dataset; the signature is raw
 * {@code r || s} on secp192r1 over its SHA-256 hash; the key is a compressed point.
 *
 * <p>Dataset layout (little endian numbers): adapter id (10), adapter firmware version (4),
 * firmware checksum (2), meter id (10), status (4), second index (4), time stamp in Unix seconds
 * (4), OBIS code (6), unit (1, DLMS: 30 = Wh), scaler (1, signed power of ten), value (8), user
 * id (20), session id (4), paging (4).
 */
public record AlfenRecord(String type, String publicKeyBase32, byte[] dataset, byte[] signature) {

    public static final int DATASET_BYTES = 82;
    public static final int SIGNATURE_BYTES = 48;
    private static final int DLMS_UNIT_WATT_HOURS = 30;

    public static AlfenRecord parse(String data) throws MalformedDataException {
        String[] parts = data.strip().split(";");
        if (parts.length != 6 || !parts[0].equals("AP")) {
            throw new MalformedDataException("malformed Alfen data: expected AP;type;version;key;dataset;signature;");
        }
        if (!parts[1].matches("[012]")) {
            throw new MalformedDataException("malformed Alfen data: unknown type " + abbreviate(parts[1]));
        }
        byte[] dataset = Base32.decode(parts[4]);
        if (dataset == null || dataset.length != DATASET_BYTES) {
            throw new MalformedDataException("malformed Alfen data: the dataset is not " + DATASET_BYTES
                    + " bytes of base32");
        }
        byte[] signature = Base32.decode(parts[5]);
        if (signature == null || signature.length != SIGNATURE_BYTES) {
            throw new MalformedDataException("malformed Alfen data: the signature is not " + SIGNATURE_BYTES
                    + " bytes of base32");
        }
        if (Base32.decode(parts[3]) == null) {
            throw new MalformedDataException("malformed Alfen data: the public key is not base32");
        }
        return new AlfenRecord(parts[1], parts[3], dataset, signature);
    }

    /** {@code B} (start), {@code E} (stop) or {@code C} (intermediate), in OCMF terms. */
    public String readingType() {
        switch (type) {
            case "0":
                return "B";
            case "1":
                return "E";
            default:
                return "C";
        }
    }

    public Instant time() {
        return Instant.ofEpochSecond(littleEndian(34, 4));
    }

    public String obis() {
        return String.format(Locale.ROOT, "%d-%d:%d.%d.%d*%d", u8(38), u8(39), u8(40), u8(41), u8(42), u8(43));
    }

    public int unit() {
        return u8(44);
    }

    public int scaler() {
        return dataset[45];
    }

    public long rawValue() {
        return littleEndian(46, 8);
    }

    public String status() {
        return String.format(Locale.ROOT, "%08X", littleEndian(26, 4));
    }

    public SignedReading toSignedReading() {
        double value = rawValue() * Math.pow(10, scaler());
        double wattHours = unit() == DLMS_UNIT_WATT_HOURS ? value : 0;
        return new SignedReading(time(), readingType(), obis(), wattHours, status());
    }

    private int u8(int offset) {
        return dataset[offset] & 0xff;
    }

    private long littleEndian(int offset, int length) {
        byte[] bigEndian = new byte[length];
        for (int i = 0; i < length; i++) {
            bigEndian[i] = dataset[offset + length - 1 - i];
        }
        return new BigInteger(1, bigEndian).longValue();
    }

    private static String abbreviate(String text) {
        return text.length() > 20 ? text.substring(0, 20) + "..." : text;
    }
}
