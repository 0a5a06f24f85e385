package org.chargingmanager.eichrecht.internal.verify;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import org.chargingmanager.api.eichrecht.SignedMeterValueChecker;
import org.chargingmanager.api.eichrecht.SignedReading;
import org.chargingmanager.api.eichrecht.VerificationResult;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.internal.codec.Hex;
import org.chargingmanager.eichrecht.internal.crypto.EcCurve;
import org.chargingmanager.eichrecht.internal.crypto.EcPublicKey;
import org.chargingmanager.eichrecht.internal.crypto.Ecdsa;
import org.chargingmanager.eichrecht.internal.crypto.EcdsaSignature;
import org.chargingmanager.eichrecht.internal.crypto.KeyFormatException;
import org.chargingmanager.eichrecht.internal.crypto.PublicKeyCache;
import org.chargingmanager.eichrecht.internal.format.AlfenRecord;
import org.chargingmanager.eichrecht.internal.format.MalformedDataException;
import org.chargingmanager.eichrecht.internal.format.OcmfReading;
import org.chargingmanager.eichrecht.internal.format.OcmfRecord;
import org.chargingmanager.eichrecht.internal.format.OcmfSignature;
import org.chargingmanager.eichrecht.internal.format.SignedDataFormat;
import org.chargingmanager.eichrecht.internal.format.SignedDataUnwrapper;
import org.chargingmanager.eichrecht.internal.format.Unwrapped;

/**
 * Verifies OCMF and Alfen data against a trusted key; every other format is "not verifiable".
 * Never throws for bad input: whatever the data, the answer is a {@link VerificationResult}
 * with a reason.
 */
public final class SignedDataVerifier implements SignedMeterValueChecker {

    /** Larger input is not even parsed; real records are below 4 KiB. */
    public static final int MAX_DATA_CHARS = 256 * 1024;

    private final PublicKeyCache keys = new PublicKeyCache(256);

    @Override
    public VerificationResult verify(String signedData, String trustedPublicKey) {
        return verify(signedData, trustedPublicKey, null);
    }

    /**
     * @param accompanyingKey a key that came along with the data from outside it, for example the
     *        {@code publicKey} element of a transparency-software XML file: treated like a key
     *        embedded in the data (never trusted, a failure if it differs), may be {@code null}
     */
    public VerificationResult verify(String signedData, String trustedPublicKey, String accompanyingKey) {
        try {
            return check(signedData, blankToNull(trustedPublicKey), blankToNull(accompanyingKey));
        } catch (RuntimeException | StackOverflowError e) {
            return result(VerificationStatus.NOT_VERIFIABLE, "the data cannot be read (" + e.getClass().getSimpleName()
                    + ")", "UNKNOWN", null, List.of());
        }
    }

    private VerificationResult check(String signedData, String trusted, String accompanyingKey) {
        if (signedData == null || signedData.isBlank()) {
            return result(VerificationStatus.NONE, "no signed data", "UNKNOWN", null, List.of());
        }
        if (signedData.length() > MAX_DATA_CHARS) {
            return result(VerificationStatus.NOT_VERIFIABLE, "the data is too large (" + signedData.length()
                    + " characters)", "UNKNOWN", null, List.of());
        }
        Unwrapped unwrapped = SignedDataUnwrapper.unwrap(signedData);
        String embedded = unwrapped.containerPublicKey() != null ? unwrapped.containerPublicKey() : accompanyingKey;
        switch (SignedDataFormat.detect(unwrapped.data())) {
            case OCMF:
                return ocmf(unwrapped.data(), trusted, embedded);
            case ALFEN:
                return alfen(unwrapped.data(), trusted, embedded);
            default:
                String method = unwrapped.encodingMethod() == null ? "" : " " + unwrapped.encodingMethod().strip();
                return result(VerificationStatus.NOT_VERIFIABLE, "unsupported format" + method, "UNKNOWN",
                        null, List.of());
        }
    }

    private VerificationResult ocmf(String data, String trusted, String embedded) {
        OcmfRecord record;
        try {
            record = OcmfRecord.parse(data);
        } catch (MalformedDataException e) {
            return result(VerificationStatus.FAILED, e.getMessage(), "OCMF", null, List.of());
        }
        List<SignedReading> readings = record.readings().stream().filter(r -> r.energyWattHours() != null)
                .map(OcmfReading::toSignedReading).toList();
        OcmfSignature signature = record.signature();
        EcCurve curve = signature.algorithm() == null ? EcCurve.SECP256R1
                : EcCurve.byOcmfAlgorithm(signature.algorithm()).orElse(null);
        String embeddedHex = normalised(embedded, curve);
        if (curve == null) {
            return result(VerificationStatus.NOT_VERIFIABLE, "unsupported signature algorithm "
                    + abbreviate(signature.algorithm()), "OCMF", embeddedHex, readings);
        }
        byte[] signatureBytes = signatureBytes(signature);
        if (signatureBytes == null) {
            return result(VerificationStatus.FAILED, "the signature data is not valid "
                    + (signature.encoding() == null ? "hex" : abbreviate(signature.encoding())), "OCMF", embeddedHex,
                    readings);
        }
        return verifySignature("OCMF", curve, record.signedBytes(), signatureBytes, trusted, embedded, embeddedHex,
                readings);
    }

    private VerificationResult alfen(String data, String trusted, String containerKey) {
        AlfenRecord record;
        try {
            record = AlfenRecord.parse(data);
        } catch (MalformedDataException e) {
            return result(VerificationStatus.FAILED, e.getMessage(), "ALFEN", null, List.of());
        }
        EcCurve curve = EcCurve.SECP192R1;
        String embedded = record.publicKeyBase32();
        List<SignedReading> readings = List.of(record.toSignedReading());
        if (containerKey != null && !sameKey(containerKey, embedded, curve)) {
            return result(VerificationStatus.FAILED, "the data carries two different public keys", "ALFEN",
                    normalised(embedded, curve), readings);
        }
        return verifySignature("ALFEN", curve, record.dataset(), record.signature(), trusted, embedded,
                normalised(embedded, curve), readings);
    }

    private VerificationResult verifySignature(String format, EcCurve curve, byte[] signedBytes, byte[] signatureBytes,
            String trusted, String embedded, String embeddedHex, List<SignedReading> readings) {
        if (trusted == null) {
            return result(VerificationStatus.NOT_VERIFIABLE, "no trusted public key", format, embeddedHex, readings);
        }
        EcPublicKey trustedKey;
        try {
            trustedKey = keys.parse(trusted, curve);
        } catch (KeyFormatException e) {
            return result(VerificationStatus.NOT_VERIFIABLE, "the trusted public key cannot be used: " + e.getMessage(),
                    format, embeddedHex, readings);
        }
        if (trustedKey.curve() != curve) {
            return result(VerificationStatus.FAILED, "the data is signed on curve " + curve.curveName()
                    + " but the trusted key is on " + trustedKey.curve().curveName(), format, embeddedHex, readings);
        }
        if (embedded != null && !sameKey(embedded, trustedKey, curve)) {
            return result(VerificationStatus.FAILED, "the public key that came with the data is not the trusted key",
                    format, embeddedHex, readings);
        }
        EcdsaSignature signature;
        try {
            signature = EcdsaSignature.decode(signatureBytes, curve);
        } catch (IllegalArgumentException e) {
            return result(VerificationStatus.FAILED, e.getMessage(), format, embeddedHex, readings);
        }
        if (!Ecdsa.verify(trustedKey, signedBytes, signature)) {
            return result(VerificationStatus.FAILED, "the signature does not match the data and the trusted key",
                    format, embeddedHex, readings);
        }
        return result(VerificationStatus.VERIFIED, "", format, embeddedHex, readings);
    }

    private boolean sameKey(String embedded, EcPublicKey trusted, EcCurve curve) {
        try {
            return keys.parse(embedded, curve).sameKeyAs(trusted);
        } catch (KeyFormatException e) {
            return false;
        }
    }

    private boolean sameKey(String first, String second, EcCurve curve) {
        try {
            return keys.parse(first, curve).sameKeyAs(keys.parse(second, curve));
        } catch (KeyFormatException e) {
            return false;
        }
    }

    /** Hex DER SubjectPublicKeyInfo if the key can be read, otherwise the text as it came. */
    private String normalised(String key, EcCurve curve) {
        if (key == null) {
            return null;
        }
        try {
            return keys.parse(key, curve).spkiHex();
        } catch (KeyFormatException e) {
            return abbreviate(key.strip());
        }
    }

    private static byte[] signatureBytes(OcmfSignature signature) {
        String encoding = signature.encoding() == null ? "hex" : signature.encoding().strip().toLowerCase(Locale.ROOT);
        switch (encoding) {
            case "hex":
                return Hex.decodeLenient(signature.data());
            case "base64":
                try {
                    return Base64.getDecoder().decode(signature.data().replaceAll("\\s", ""));
                } catch (IllegalArgumentException e) {
                    return null;
                }
            default:
                return null;
        }
    }

    private static VerificationResult result(VerificationStatus status, String reason, String format, String embedded,
            List<SignedReading> readings) {
        return new VerificationResult(status, reason, format, embedded, readings);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text;
    }

    private static String abbreviate(String text) {
        String t = Objects.toString(text, "");
        return t.length() > 80 ? t.substring(0, 80) + "..." : t;
    }
}
