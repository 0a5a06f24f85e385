package org.chargingmanager.eichrecht.internal.crypto;

import java.util.Locale;
import java.util.Optional;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.ec.CustomNamedCurves;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.chargingmanager.eichrecht.internal.crypto.fixedwidth.FixedWidthCurve;

/** The elliptic curves of the OCMF signature algorithm table (all with SHA-256). */
public enum EcCurve {
    SECP192K1("secp192k1"),
    SECP256K1("secp256k1"),
    SECP192R1("secp192r1"),
    SECP256R1("secp256r1"),
    BRAINPOOLP256R1("brainpoolP256r1"),
    SECP384R1("secp384r1"),
    BRAINPOOLP384R1("brainpoolP384r1");

    private final String curveName;
    private volatile ECNamedDomainParameters domain;

    EcCurve(String curveName) {
        this.curveName = curveName;
    }

    public String curveName() {
        return curveName;
    }

    /** The OCMF {@code SA} identifier, for example {@code ECDSA-secp256r1-SHA256}. */
    public String ocmfAlgorithm() {
        return "ECDSA-" + curveName + "-SHA256";
    }

    /** Bytes of one coordinate or of one of r, s in a raw signature. */
    public int fieldBytes() {
        return (domain().getCurve().getFieldSize() + 7) / 8;
    }

    public ECNamedDomainParameters domain() {
        ECNamedDomainParameters result = domain;
        if (result == null) {
            ASN1ObjectIdentifier oid = ECNamedCurveTable.getOID(curveName);
            result = new ECNamedDomainParameters(oid, fastestParameters(oid));
            domain = result;
        }
        return result;
    }

    /**
     * Bouncy Castle's optimised implementation where it has one (the SEC curves: special primes
     * with fast reduction), otherwise the {@link FixedWidthCurve} (the Brainpool curves). Both are
     * several times faster than the generic {@code BigInteger} curve of {@link ECNamedCurveTable}
     * and compute the same points, so keys, signatures and encodings do not change.
     */
    private static X9ECParameters fastestParameters(ASN1ObjectIdentifier oid) {
        X9ECParameters optimised = CustomNamedCurves.getByOID(oid);
        if (optimised != null) {
            return optimised;
        }
        return FixedWidthCurve.parametersLike(ECNamedCurveTable.getByOID(oid));
    }

    /** The generic {@code BigInteger} implementation of the curve, as a reference for tests. */
    public X9ECParameters genericParameters() {
        return ECNamedCurveTable.getByOID(ECNamedCurveTable.getOID(curveName));
    }

    public static Optional<EcCurve> byOid(ASN1ObjectIdentifier oid) {
        for (EcCurve curve : values()) {
            if (curve.domain().getName().equals(oid)) {
                return Optional.of(curve);
            }
        }
        return Optional.empty();
    }

    /**
     * The curve of an OCMF {@code SA} value. Accepts the spec's {@code brainpool256r1} and the
     * {@code brainpoolP256r1} that meters actually send, and the synonyms of the spec's table.
     */
    public static Optional<EcCurve> byOcmfAlgorithm(String algorithm) {
        if (algorithm == null) {
            return Optional.empty();
        }
        String[] parts = algorithm.strip().split("-");
        if (parts.length != 3 || !parts[0].equalsIgnoreCase("ECDSA") || !parts[2].equalsIgnoreCase("SHA256")) {
            return Optional.empty();
        }
        return byName(parts[1]);
    }

    public static Optional<EcCurve> byName(String name) {
        String n = name.toLowerCase(Locale.ROOT).replace("_", "").replace(" ", "");
        switch (n) {
            case "secp192k1":
                return Optional.of(SECP192K1);
            case "secp256k1":
                return Optional.of(SECP256K1);
            case "secp192r1":
            case "prime192v1":
            case "p192":
            case "nistp192":
                return Optional.of(SECP192R1);
            case "secp256r1":
            case "prime256v1":
            case "p256":
            case "nistp256":
                return Optional.of(SECP256R1);
            case "brainpool256r1":
            case "brainpoolp256r1":
                return Optional.of(BRAINPOOLP256R1);
            case "secp384r1":
            case "prime384v1":
            case "p384":
            case "nistp384":
                return Optional.of(SECP384R1);
            case "brainpool384r1":
            case "brainpoolp384r1":
                return Optional.of(BRAINPOOLP384R1);
            default:
                return Optional.empty();
        }
    }
}
