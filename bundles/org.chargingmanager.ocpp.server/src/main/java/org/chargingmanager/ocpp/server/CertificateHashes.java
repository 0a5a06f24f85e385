package org.chargingmanager.ocpp.server;

import java.math.BigInteger;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;

import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.chargingmanager.ocpp.v16.CertificateHashData;
import org.chargingmanager.ocpp.v16.HashAlgorithm;

/**
 * {@link CertificateHashData} of a certificate, as DeleteCertificate needs it and
 * GetInstalledCertificateIds reports it (OCPP 1.6 security whitepaper, the same fields as an
 * OCSP CertID of RFC 6960):
 * <ul>
 * <li>issuerNameHash: hash of the DER encoding of the certificate's issuer name,</li>
 * <li>issuerKeyHash: hash of the issuer's public key, the bits of the subjectPublicKey BIT STRING
 * of the issuer's certificate (without tag, length and unused-bits octet),</li>
 * <li>serialNumber: the serial number in hexadecimal, without "0x" and leading zeros.</li>
 * </ul>
 * Hashes and serial number are written in lower case; {@link #sameCertificate} compares them
 * regardless of case, since charge points differ there.
 */
public final class CertificateHashes {

    private CertificateHashes() {
    }

    /** For a self-signed (root) certificate, the kind InstallCertificate installs: it is its own issuer. */
    public static CertificateHashData of(X509Certificate root, HashAlgorithm algorithm) {
        if (!root.getIssuerX500Principal().equals(root.getSubjectX500Principal())) {
            throw new IllegalArgumentException("not self-signed (issuer " + root.getIssuerX500Principal()
                    + "): use of(certificate, issuer, algorithm)");
        }
        return of(root, root, algorithm);
    }

    /** For a certificate and the certificate of its issuer. */
    public static CertificateHashData of(X509Certificate certificate, X509Certificate issuer, HashAlgorithm algorithm) {
        if (!certificate.getIssuerX500Principal().equals(issuer.getSubjectX500Principal())) {
            throw new IllegalArgumentException("the issuer of " + certificate.getSubjectX500Principal() + " is "
                    + certificate.getIssuerX500Principal() + ", not " + issuer.getSubjectX500Principal());
        }
        MessageDigest digest = digest(algorithm);
        byte[] nameHash = digest.digest(certificate.getIssuerX500Principal().getEncoded());
        byte[] keyBits = SubjectPublicKeyInfo.getInstance(issuer.getPublicKey().getEncoded()).getPublicKeyData().getBytes();
        byte[] keyHash = digest.digest(keyBits);
        HexFormat hex = HexFormat.of();
        return new CertificateHashData(algorithm, hex.formatHex(nameHash), hex.formatHex(keyHash),
                certificate.getSerialNumber().toString(16));
    }

    /** Whether two hash data name the same certificate: same algorithm, hashes equal ignoring case, serial numbers equal as numbers. */
    public static boolean sameCertificate(CertificateHashData a, CertificateHashData b) {
        return a.hashAlgorithm() == b.hashAlgorithm() && a.issuerNameHash().equalsIgnoreCase(b.issuerNameHash())
                && a.issuerKeyHash().equalsIgnoreCase(b.issuerKeyHash()) && serial(a).equals(serial(b));
    }

    private static BigInteger serial(CertificateHashData data) {
        try {
            return new BigInteger(data.serialNumber().trim().toLowerCase(Locale.ROOT).replaceFirst("^0x", ""), 16);
        } catch (NumberFormatException e) {
            return BigInteger.valueOf(-1);
        }
    }

    private static MessageDigest digest(HashAlgorithm algorithm) {
        String name = switch (algorithm) {
            case SHA256 -> "SHA-256";
            case SHA384 -> "SHA-384";
            case SHA512 -> "SHA-512";
        };
        try {
            return MessageDigest.getInstance(name);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(name + " is missing from this JVM", e);
        }
    }
}
