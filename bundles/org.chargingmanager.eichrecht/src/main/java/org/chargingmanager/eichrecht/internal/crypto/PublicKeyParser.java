package org.chargingmanager.eichrecht.internal.crypto;

import java.util.Base64;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X962Parameters;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.math.ec.ECPoint;
import org.chargingmanager.eichrecht.internal.codec.Base32;
import org.chargingmanager.eichrecht.internal.codec.Hex;

/**
 * Reads public keys in the forms users and meters write them: hex DER SubjectPublicKeyInfo,
 * PEM, base64 DER, hex raw {@code X || Y} (curve from the data), hex or base32 points
 * ({@code 04 || X || Y} or compressed, as Alfen sends them).
 */
public final class PublicKeyParser {

    private static final int MAX_KEY_TEXT = 8192;

    private PublicKeyParser() {
    }

    /**
     * @param curveHint the curve the data names; used when the key itself does not name one
     *        (raw or point forms), may be {@code null}
     */
    public static EcPublicKey parse(String text, EcCurve curveHint) throws KeyFormatException {
        if (text == null || text.isBlank()) {
            throw new KeyFormatException("no public key");
        }
        if (text.length() > MAX_KEY_TEXT) {
            throw new KeyFormatException("public key text is too long");
        }
        String trimmed = text.strip();
        if (trimmed.contains("-----BEGIN")) {
            return fromSpki(pemBody(trimmed));
        }
        byte[] hex = Hex.decodeLenient(trimmed);
        if (hex != null) {
            return fromBytes(hex, curveHint);
        }
        byte[] base64 = base64(trimmed);
        if (base64 != null && base64.length > 0 && base64[0] == 0x30) {
            return fromSpki(base64);
        }
        byte[] base32 = Base32.decode(trimmed);
        if (base32 != null) {
            return fromBytes(base32, curveHint);
        }
        if (base64 != null) {
            return fromBytes(base64, curveHint);
        }
        throw new KeyFormatException("the public key is neither hex, PEM, base64 nor base32");
    }

    /**
     * The form a key is stored in: hex DER SubjectPublicKeyInfo if the key names its curve,
     * otherwise the compact hex as entered (raw {@code X || Y}: the curve comes from the data).
     */
    public static String normalise(String text) throws KeyFormatException {
        try {
            return parse(text, null).spkiHex();
        } catch (KeyFormatException curveUnknown) {
            byte[] hex = text == null ? null : Hex.decodeLenient(text.strip());
            if (hex != null && rawSizeMatchesSomeCurve(hex.length)) {
                return Hex.encode(hex);
            }
            throw curveUnknown;
        }
    }

    private static boolean rawSizeMatchesSomeCurve(int length) {
        for (EcCurve curve : EcCurve.values()) {
            int n = curve.fieldBytes();
            if (length == 2 * n || length == 2 * n + 1 || length == n + 1) {
                return true;
            }
        }
        return false;
    }

    private static EcPublicKey fromBytes(byte[] bytes, EcCurve curveHint) throws KeyFormatException {
        if (bytes.length > 0 && bytes[0] == 0x30) {
            try {
                return fromSpki(bytes);
            } catch (KeyFormatException notDer) {
                // a raw X || Y whose X happens to begin with 0x30 (one key in 256)
                if (curveHint == null) {
                    throw notDer;
                }
            }
        }
        if (curveHint == null) {
            throw new KeyFormatException("a raw public key needs the curve, which the data does not name");
        }
        int n = curveHint.fieldBytes();
        byte[] point;
        if (bytes.length == 2 * n) {
            point = new byte[2 * n + 1];
            point[0] = 0x04;
            System.arraycopy(bytes, 0, point, 1, bytes.length);
        } else if ((bytes.length == 2 * n + 1 && bytes[0] == 0x04)
                || (bytes.length == n + 1 && (bytes[0] == 0x02 || bytes[0] == 0x03))) {
            point = bytes;
        } else {
            throw new KeyFormatException("a public key of " + bytes.length + " bytes does not fit curve "
                    + curveHint.curveName());
        }
        return decodePoint(curveHint, point);
    }

    private static EcPublicKey fromSpki(byte[] der) throws KeyFormatException {
        SubjectPublicKeyInfo info;
        try {
            info = SubjectPublicKeyInfo.getInstance(ASN1Primitive.fromByteArray(der));
        } catch (Exception | StackOverflowError e) {
            throw new KeyFormatException("the public key is not a DER SubjectPublicKeyInfo");
        }
        if (info == null || !X9ObjectIdentifiers.id_ecPublicKey.equals(info.getAlgorithm().getAlgorithm())) {
            throw new KeyFormatException("the public key is not an elliptic curve key");
        }
        X962Parameters parameters;
        try {
            parameters = X962Parameters.getInstance(info.getAlgorithm().getParameters());
        } catch (RuntimeException e) {
            throw new KeyFormatException("the public key's curve parameters cannot be read");
        }
        if (parameters == null || !parameters.isNamedCurve()) {
            throw new KeyFormatException("the public key does not name its curve");
        }
        ASN1ObjectIdentifier oid = ASN1ObjectIdentifier.getInstance(parameters.getParameters());
        EcCurve curve = EcCurve.byOid(oid)
                .orElseThrow(() -> new KeyFormatException("unsupported curve " + oid.getId()));
        return decodePoint(curve, info.getPublicKeyData().getBytes());
    }

    private static EcPublicKey decodePoint(EcCurve curve, byte[] encoded) throws KeyFormatException {
        try {
            ECPoint point = curve.domain().getCurve().decodePoint(encoded);
            return EcPublicKey.of(curve, point);
        } catch (RuntimeException e) {
            throw new KeyFormatException("the public key is not a point on curve " + curve.curveName());
        }
    }

    private static byte[] pemBody(String pem) throws KeyFormatException {
        StringBuilder body = new StringBuilder();
        for (String line : pem.split("\\R")) {
            String l = line.strip();
            if (!l.startsWith("-----") && !l.isEmpty()) {
                body.append(l);
            }
        }
        byte[] der = base64(body.toString());
        if (der == null) {
            throw new KeyFormatException("the PEM public key is not valid base64");
        }
        return der;
    }

    private static byte[] base64(String text) {
        try {
            return Base64.getDecoder().decode(text.replaceAll("\\s", ""));
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
