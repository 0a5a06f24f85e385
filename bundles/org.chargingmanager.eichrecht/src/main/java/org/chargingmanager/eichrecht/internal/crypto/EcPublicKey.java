package org.chargingmanager.eichrecht.internal.crypto;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;
import org.bouncycastle.math.ec.ECPoint;
import org.chargingmanager.eichrecht.internal.codec.Hex;

/** A public key on one of the {@link EcCurve}s, validated (the point lies on the curve). */
public record EcPublicKey(EcCurve curve, ECPublicKeyParameters parameters) {

    public static EcPublicKey of(EcCurve curve, ECPoint point) {
        return new EcPublicKey(curve, new ECPublicKeyParameters(point, curve.domain()));
    }

    /** The point, uncompressed ({@code 04 || X || Y}). */
    public byte[] encodedPoint() {
        return parameters.getQ().getEncoded(false);
    }

    /** Same curve and same point, whatever the encoding it was read from. */
    public boolean sameKeyAs(EcPublicKey other) {
        return other != null && curve == other.curve && parameters.getQ().equals(other.parameters.getQ());
    }

    /** Hex DER SubjectPublicKeyInfo with the named curve, the form keys are stored and exported in. */
    public String spkiHex() {
        try {
            return Hex.encode(SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(parameters).getEncoded("DER"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
