package org.chargingmanager.ocpp.server.internal;

import java.io.IOException;
import java.io.StringReader;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPublicKey;
import java.security.interfaces.RSAPublicKey;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;

import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x500.style.IETFUtils;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequest;

/**
 * The charge-point CA (security profile 3): signs the certificate signing requests charge points
 * send with SignCertificate, and is trusted for their TLS client certificates. Either generated
 * on first start ({@code <data>/ocpp-server/charge-point-ca.pem} and
 * {@code charge-point-ca-key.pem}, the key readable by the owner only) or the installer's CA
 * certificate and key. Thread safe.
 */
final class ChargePointCa {

    static final String CERTIFICATE_FILE = "charge-point-ca.pem";
    static final String KEY_FILE = "charge-point-ca-key.pem";
    /** Smallest keys the OCPP 1.6 security whitepaper allows for charge point certificates. */
    static final int MIN_RSA_BITS = 2048;
    static final int MIN_EC_BITS = 224;

    private static final SecureRandom RANDOM = new SecureRandom();

    private final List<X509Certificate> chain;
    private final PrivateKey key;
    private final Duration validity;

    private ChargePointCa(List<X509Certificate> chain, PrivateKey key, Duration validity) {
        this.chain = List.copyOf(chain);
        this.key = key;
        this.validity = validity;
    }

    /** Loads the installer's CA, or the generated one (generating it if missing). */
    static ChargePointCa load(Path dataDirectory, CertificateAuthoritySettings settings)
            throws IOException, GeneralSecurityException {
        Path certificateFile = settings.certificateFile();
        Path keyFile = settings.privateKeyFile();
        char[] password = settings.keyPassword() == null ? new char[0] : settings.keyPassword();
        if (certificateFile == null) {
            Path directory = dataDirectory.resolve("ocpp-server");
            certificateFile = directory.resolve(CERTIFICATE_FILE);
            keyFile = directory.resolve(KEY_FILE);
            if (!Files.exists(certificateFile) || !Files.exists(keyFile)) {
                generate(certificateFile, keyFile);
            }
            password = new char[0];
        }
        List<X509Certificate> chain = ServerKeyMaterial.readCertificates(certificateFile);
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no CA certificate in " + certificateFile);
        }
        if (chain.get(0).getBasicConstraints() < 0) {
            throw new GeneralSecurityException("the first certificate in " + certificateFile + " is not a CA certificate");
        }
        PrivateKey key = ServerKeyMaterial.readPrivateKey(keyFile, password);
        if (!matches(chain.get(0).getPublicKey(), key)) {
            throw new GeneralSecurityException("the key in " + keyFile + " does not belong to the CA certificate in " + certificateFile);
        }
        Duration validity = settings.validity() == null || settings.validity().isNegative() || settings.validity().isZero()
                ? CertificateAuthoritySettings.DEFAULT_VALIDITY : settings.validity();
        return new ChargePointCa(chain, key, validity);
    }

    /** The CA certificate first, then its issuers (if the installer's file had them). */
    List<X509Certificate> chain() {
        return chain;
    }

    X509Certificate certificate() {
        return chain.get(0);
    }

    String chainPem() {
        return PemFiles.pem(chain.toArray());
    }

    /** A CSR the CA does not sign, with the reason for the log. */
    static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;

        Refused(String reason) {
            super(reason);
        }

        Refused(String reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /** A signed charge point certificate and the PEM chain for CertificateSigned (leaf first). */
    record Signed(X509Certificate certificate, String chainPem) {
    }

    /**
     * Signs a charge point's CSR: its signature must verify, its key be strong enough, and its
     * subject's common name be the charge box ID (the subject, e.g. O = CpoName, is kept).
     */
    Signed sign(String chargeBoxId, String csrPem) throws Refused {
        PKCS10CertificationRequest csr = parse(csrPem);
        PublicKey publicKey;
        try {
            publicKey = new JcaPKCS10CertificationRequest(csr).getPublicKey();
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new Refused("the CSR's public key is not readable: " + e.getMessage(), e);
        }
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(publicKey))) {
                throw new Refused("the CSR's signature does not verify");
            }
        } catch (OperatorCreationException | PKCSException | RuntimeException e) {
            throw new Refused("the CSR's signature cannot be checked: " + e.getMessage(), e);
        }
        checkStrength(publicKey);
        X500Name subject = csr.getSubject();
        String commonName = commonName(subject);
        if (commonName == null) {
            throw new Refused("the CSR's subject " + subject + " has no single common name (CN)");
        }
        if (!commonName.equals(chargeBoxId)) {
            throw new Refused("the CSR's common name CN=" + commonName + " is not the charge box ID " + chargeBoxId);
        }
        try {
            X509Certificate certificate = issue(subject, publicKey);
            Object[] all = new Object[chain.size() + 1];
            all[0] = certificate;
            for (int i = 0; i < chain.size(); i++) {
                all[i + 1] = chain.get(i);
            }
            return new Signed(certificate, PemFiles.pem(all));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new Refused("signing failed: " + e.getMessage(), e);
        }
    }

    private static PKCS10CertificationRequest parse(String csrPem) throws Refused {
        if (csrPem == null || !csrPem.contains("-----BEGIN")) {
            throw new Refused("the CSR is not PEM");
        }
        try (PEMParser parser = new PEMParser(new StringReader(csrPem))) {
            Object object = parser.readObject();
            if (object instanceof PKCS10CertificationRequest csr) {
                return csr;
            }
            throw new Refused("the PEM holds no certificate signing request but "
                    + (object == null ? "nothing readable" : object.getClass().getSimpleName()));
        } catch (IOException | RuntimeException e) {
            throw new Refused("the CSR is not readable: " + e.getMessage(), e);
        }
    }

    private static void checkStrength(PublicKey publicKey) throws Refused {
        if (publicKey instanceof RSAPublicKey rsa) {
            if (rsa.getModulus().bitLength() < MIN_RSA_BITS) {
                throw new Refused("RSA key of " + rsa.getModulus().bitLength() + " bits; at least " + MIN_RSA_BITS + " needed");
            }
        } else if (publicKey instanceof ECPublicKey ec) {
            int bits = ec.getParams().getCurve().getField().getFieldSize();
            if (bits < MIN_EC_BITS) {
                throw new Refused("EC key of " + bits + " bits; at least " + MIN_EC_BITS + " needed");
            }
        } else {
            throw new Refused("key algorithm " + publicKey.getAlgorithm() + " is not supported (RSA or EC)");
        }
    }

    static String commonName(X500Name name) {
        RDN[] rdns = name.getRDNs(BCStyle.CN);
        if (rdns.length != 1 || rdns[0].isMultiValued()) {
            return null;
        }
        return IETFUtils.valueToString(rdns[0].getFirst().getValue());
    }

    private X509Certificate issue(X500Name subject, PublicKey publicKey)
            throws GeneralSecurityException, OperatorCreationException, IOException {
        X509Certificate ca = certificate();
        Instant now = Instant.now();
        Instant notAfter = now.plus(validity);
        if (notAfter.isAfter(ca.getNotAfter().toInstant())) {
            notAfter = ca.getNotAfter().toInstant();
        }
        X509v3CertificateBuilder builder = new X509v3CertificateBuilder(new JcaX509CertificateHolder(ca).getSubject(),
                serial(), Date.from(now.minus(Duration.ofMinutes(5))), Date.from(notAfter), subject,
                org.bouncycastle.asn1.x509.SubjectPublicKeyInfo.getInstance(publicKey.getEncoded()));
        JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyAgreement));
        builder.addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_clientAuth));
        builder.addExtension(Extension.subjectKeyIdentifier, false, extensions.createSubjectKeyIdentifier(publicKey));
        builder.addExtension(Extension.authorityKeyIdentifier, false, extensions.createAuthorityKeyIdentifier(ca));
        X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer(key)));
        certificate.verify(ca.getPublicKey());
        return certificate;
    }

    private static BigInteger serial() {
        return new BigInteger(127, RANDOM).setBit(126);
    }

    private static ContentSigner signer(PrivateKey key) throws OperatorCreationException {
        String algorithm = "EC".equals(key.getAlgorithm()) || "ECDSA".equals(key.getAlgorithm()) ? "SHA256withECDSA" : "SHA256withRSA";
        return new JcaContentSignerBuilder(algorithm).build(key);
    }

    private static boolean matches(PublicKey publicKey, PrivateKey privateKey) throws GeneralSecurityException {
        String algorithm = "RSA".equals(publicKey.getAlgorithm()) ? "SHA256withRSA" : "SHA256withECDSA";
        byte[] probe = new byte[32];
        RANDOM.nextBytes(probe);
        Signature signer = Signature.getInstance(algorithm);
        signer.initSign(privateKey);
        signer.update(probe);
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance(algorithm);
        verifier.initVerify(publicKey);
        verifier.update(probe);
        return verifier.verify(signature);
    }

    private static void generate(Path certificateFile, Path keyFile) throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(3072, RANDOM);
        KeyPair pair = generator.generateKeyPair();
        X500Name subject = new X500Name("CN=Charging Manager charge point CA " + ServerCertificateNames.hostName() + ", O=Charging Manager");
        Instant now = Instant.now();
        try {
            JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject, serial(),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(20 * 365))), subject,
                    pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(0));
            builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign));
            builder.addExtension(Extension.subjectKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createSubjectKeyIdentifier(pair.getPublic()));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(builder.build(signer(pair.getPrivate())));
            Files.createDirectories(keyFile.getParent());
            PemFiles.write(keyFile, PemFiles.pem(pair.getPrivate()), true);
            PemFiles.write(certificateFile, PemFiles.pem(certificate), false);
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the charge-point CA certificate", e);
        }
    }
}
