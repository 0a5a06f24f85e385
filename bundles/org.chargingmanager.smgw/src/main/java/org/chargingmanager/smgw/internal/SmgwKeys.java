package org.chargingmanager.smgw.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;

/**
 * The charging manager's TLS identity towards the SMGW and the certificates it trusts. Without configured files a
 * key pair on the curve secp256r1 (ECC, as the TR-03116-3 HAN profile demands) is generated on first use and kept
 * in {@code data/smgw/} (readable by the owner only), with a self-signed certificate and a certificate signing
 * request (CSR) for the gateway administrator to sign; the signed certificate then replaces the self-signed one.
 */
final class SmgwKeys {

    static final String KEY_FILE = "smgw-key.pem";
    static final String CERTIFICATE_FILE = "smgw-certificate.pem";
    static final String CSR_FILE = "smgw.csr";

    private final PrivateKey privateKey;
    private final List<X509Certificate> chain;
    private final List<X509Certificate> trusted;
    private final Path csr;

    private SmgwKeys(PrivateKey privateKey, List<X509Certificate> chain, List<X509Certificate> trusted, Path csr) {
        this.privateKey = privateKey;
        this.chain = chain;
        this.trusted = trusted;
        this.csr = csr;
    }

    /**
     * @param certificate PEM file of our certificate (chain), or empty for the generated one in {@code directory}
     * @param key PEM file of our private key, or empty for the generated one
     * @param trustedCertificates PEM file of the SMGW's HAN certificate(s) or their CA; empty: nobody is trusted
     * @param subject the subject of a generated certificate, e.g. {@code CN=chargingmanager}
     */
    static SmgwKeys load(String certificate, String key, String trustedCertificates, Path directory, String subject)
            throws IOException, GeneralSecurityException {
        return load(certificate, key, trustedCertificates, directory, subject, new char[0]);
    }

    /**
     * As above; a {@code certificate} ending in {@code .p12} or {@code .pfx} is a PKCS#12 file with key and chain
     * (then {@code key} stays empty), opened with {@code keystorePassword}.
     */
    static SmgwKeys load(String certificate, String key, String trustedCertificates, Path directory, String subject,
            char[] keystorePassword) throws IOException, GeneralSecurityException {
        String lower = certificate.trim().toLowerCase(java.util.Locale.ROOT);
        if (lower.endsWith(".p12") || lower.endsWith(".pfx")) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            try (var in = Files.newInputStream(Path.of(certificate.trim()))) {
                store.load(in, keystorePassword);
            } catch (IOException e) {
                throw new IOException("'certificate': cannot open the PKCS#12 file " + certificate.trim()
                        + " (wrong password?)", e);
            }
            for (String alias : java.util.Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias)) {
                    List<X509Certificate> chain = new ArrayList<>();
                    for (java.security.cert.Certificate c : store.getCertificateChain(alias)) {
                        chain.add((X509Certificate) c);
                    }
                    List<X509Certificate> trusted = trustedCertificates.isBlank() ? List.of()
                            : certificates(Path.of(trustedCertificates.trim()), "trustedCertificates");
                    return new SmgwKeys((PrivateKey) store.getKey(alias, keystorePassword), chain, trusted, null);
                }
            }
            throw new GeneralSecurityException("'certificate': " + certificate.trim() + " holds no private key");
        }
        Path certificateFile;
        Path keyFile;
        Path csrFile = null;
        if (certificate.isBlank() != key.isBlank()) {
            throw new GeneralSecurityException("'certificate' and 'privateKey' must both be set or both be empty");
        }
        if (certificate.isBlank()) {
            certificateFile = directory.resolve(CERTIFICATE_FILE);
            keyFile = directory.resolve(KEY_FILE);
            csrFile = directory.resolve(CSR_FILE);
            if (!Files.exists(keyFile)) {
                generate(keyFile, certificateFile, csrFile, subject);
            }
        } else {
            certificateFile = Path.of(certificate.trim());
            keyFile = Path.of(key.trim());
        }
        List<X509Certificate> chain = certificates(certificateFile, "certificate");
        if (chain.isEmpty()) {
            throw new GeneralSecurityException(certificateFile + " holds no certificate");
        }
        PrivateKey privateKey = privateKey(keyFile);
        List<X509Certificate> trusted = trustedCertificates.isBlank() ? List.of()
                : certificates(Path.of(trustedCertificates.trim()), "trustedCertificates");
        return new SmgwKeys(privateKey, chain, trusted, csrFile);
    }

    private static void generate(Path keyFile, Path certificateFile, Path csrFile, String subject)
            throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        X500Name name = new X500Name(subject);
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(pair.getPrivate());
            Instant now = Instant.now();
            X509Certificate self = new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                    Date.from(now.plus(Duration.ofDays(3650))), name, pair.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] { KeyPurposeId.id_kp_clientAuth, KeyPurposeId.id_kp_serverAuth }))
                    .build(signer));
            PKCS10CertificationRequest request = new JcaPKCS10CertificationRequestBuilder(name, pair.getPublic())
                    .build(signer);
            Files.createDirectories(keyFile.getParent());
            writeOwnerOnly(keyFile, pkcs8(pair.getPrivate()));
            Files.writeString(certificateFile, pem(self));
            Files.writeString(csrFile, pem(request));
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign: " + e.getMessage(), e);
        }
    }

    private static void writeOwnerOnly(Path file, String text) throws IOException {
        Files.deleteIfExists(file);
        try {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(file);
        }
        Files.writeString(file, text, StandardCharsets.US_ASCII);
    }

    /** PKCS#8 ({@code BEGIN PRIVATE KEY}), with the curve in the algorithm identifier. */
    private static String pkcs8(PrivateKey key) {
        return "-----BEGIN PRIVATE KEY-----\n"
                + java.util.Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(key.getEncoded())
                + "\n-----END PRIVATE KEY-----\n";
    }

    static String pem(Object object) throws IOException {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        }
        return text.toString();
    }

    static List<X509Certificate> certificates(Path file, String setting) throws IOException, GeneralSecurityException {
        if (!Files.isReadable(file)) {
            throw new IOException("'" + setting + "': cannot read " + file);
        }
        CertificateFactory factory = CertificateFactory.getInstance("X.509");
        try (var in = Files.newInputStream(file)) {
            Collection<? extends java.security.cert.Certificate> all = factory.generateCertificates(in);
            List<X509Certificate> result = new ArrayList<>();
            for (java.security.cert.Certificate certificate : all) {
                result.add((X509Certificate) certificate);
            }
            return result;
        } catch (java.security.cert.CertificateException e) {
            throw new GeneralSecurityException("'" + setting + "': " + file + " is not a PEM certificate file: "
                    + e.getMessage(), e);
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        if (!Files.isReadable(file)) {
            throw new IOException("'privateKey': cannot read " + file);
        }
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
                PEMParser parser = new PEMParser(reader)) {
            Object object = parser.readObject();
            if (object instanceof PrivateKeyInfo info) {
                // PKCS#8: the JDK's key factories read it
                return new JcaPEMKeyConverter().getPrivateKey(info);
            }
            if (object instanceof PEMKeyPair pair) {
                // SEC1 ("EC PRIVATE KEY"): Bouncy Castle as the provider (not installed globally, and only here: it
                // takes seconds to load) reads keys whose curve the JDK cannot find in the algorithm identifier
                return new JcaPEMKeyConverter().setProvider(new org.bouncycastle.jce.provider.BouncyCastleProvider())
                        .getPrivateKey(pair.getPrivateKeyInfo());
            }
            // never the file's content in the message: it is a secret
            throw new GeneralSecurityException("'privateKey': " + file + " holds no unencrypted PEM private key");
        }
    }

    /** A TLS context with our key and the trusted certificates (TLS 1.2 and 1.3 are enabled by the caller). */
    SSLContext sslContext() throws GeneralSecurityException, IOException {
        char[] password = new char[0];
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        keys.setKeyEntry("smgw-link", privateKey, password, chain.toArray(new X509Certificate[0]));
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, password);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        for (int i = 0; i < trusted.size(); i++) {
            trust.setCertificateEntry("trusted-" + i, trusted.get(i));
        }
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
        return context;
    }

    List<X509Certificate> trusted() {
        return trusted;
    }

    X509Certificate certificate() {
        return chain.get(0);
    }

    /** The CSR for the gateway administrator, when the key was generated here. */
    Path csr() {
        return csr;
    }
}
