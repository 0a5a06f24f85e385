package org.chargingmanager.ocpp.server.internal;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringReader;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import javax.net.ssl.KeyManagerFactory;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * Checks a server certificate and private key that an installer uploads for the OCPP server's
 * TLS — PEM (certificate chain + key, the key possibly encrypted) or PKCS#12 — before anything
 * is stored: the certificate must be valid today, the key must belong to it, and the pair must
 * make a TLS key manager. The leaf (the certificate of the key) is put first in the chain.
 */
public final class ServerCertificateImport {

    /** For decrypting keys (AES-CBC with PKCS#7 padding is not in the JDK's providers); not registered globally. */
    private static final java.security.Provider BOUNCY_CASTLE = new org.bouncycastle.jce.provider.BouncyCastleProvider();

    /** Material that passed every check: the chain, leaf first, and its private key. */
    public record Checked(List<X509Certificate> chain, PrivateKey key) {
        public X509Certificate leaf() {
            return chain.get(0);
        }
    }

    /** Bad material: a message for the installer (English), a message key for the UI, and the form field. */
    public static final class Rejected extends Exception {
        private static final long serialVersionUID = 1L;
        private final String code;
        private final String field;
        private final transient List<String> args;

        Rejected(String code, String field, String message, String... args) {
            super(message);
            this.code = code;
            this.field = field;
            this.args = List.of(args);
        }

        public String code() {
            return code;
        }

        public String field() {
            return field;
        }

        public List<String> args() {
            return args;
        }
    }

    private ServerCertificateImport() {
    }

    /** A rejection for the caller's own checks (format, encoding). */
    public static Rejected rejected(String code, String field, String message) {
        return new Rejected(code, field, message);
    }

    /**
     * @param certificatePem one or more PEM certificates (a key may be in the same text)
     * @param keyPem the private key as PEM; empty if it is in {@code certificatePem}
     * @param password of an encrypted key; may be empty
     */
    public static Checked fromPem(String certificatePem, String keyPem, char[] password, Instant now) throws Rejected {
        if (certificatePem == null || certificatePem.isBlank()) {
            throw new Rejected("cert.missing", "certificate", "choose the certificate file (PEM)");
        }
        List<X509Certificate> certificates = new ArrayList<>();
        List<PrivateKey> keys = new ArrayList<>();
        readPem(certificatePem, "certificate", password, certificates, keys);
        if (keyPem != null && !keyPem.isBlank()) {
            readPem(keyPem, "privateKey", password, certificates, keys);
        }
        if (certificates.isEmpty()) {
            throw new Rejected("cert.noCertificate", "certificate",
                    "the certificate file holds no certificate (expected -----BEGIN CERTIFICATE-----)");
        }
        if (keys.isEmpty()) {
            throw new Rejected("cert.noKey", "privateKey",
                    "no private key: choose the key file (PEM, -----BEGIN PRIVATE KEY-----)");
        }
        return check(certificates, keys.get(0), now);
    }

    /** A PKCS#12 file (.p12, .pfx) with one private key and its certificate chain. */
    public static Checked fromPkcs12(byte[] pkcs12, char[] password, Instant now) throws Rejected {
        if (pkcs12 == null || pkcs12.length == 0) {
            throw new Rejected("cert.missing", "pkcs12", "choose the PKCS#12 file (.p12 or .pfx)");
        }
        KeyStore store;
        try {
            store = KeyStore.getInstance("PKCS12");
            store.load(new ByteArrayInputStream(pkcs12), password);
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new Rejected("cert.badPkcs12", "pkcs12", "not a PKCS#12 file, or the password is wrong");
        }
        try {
            for (String alias : Collections.list(store.aliases())) {
                if (store.isKeyEntry(alias) && store.getKey(alias, password) instanceof PrivateKey key) {
                    List<X509Certificate> chain = new ArrayList<>();
                    Certificate[] certificates = store.getCertificateChain(alias);
                    for (Certificate certificate : certificates == null ? new Certificate[0] : certificates) {
                        if (certificate instanceof X509Certificate x509) {
                            chain.add(x509);
                        }
                    }
                    if (chain.isEmpty()) {
                        throw new Rejected("cert.noCertificate", "pkcs12", "the PKCS#12 file holds no certificate for its key");
                    }
                    return check(chain, key, now);
                }
            }
        } catch (GeneralSecurityException e) {
            throw new Rejected("cert.badPkcs12", "pkcs12", "not a PKCS#12 file, or the password is wrong");
        }
        throw new Rejected("cert.noKey", "pkcs12", "the PKCS#12 file holds no private key");
    }

    private static Checked check(List<X509Certificate> certificates, PrivateKey key, Instant now) throws Rejected {
        X509Certificate leaf = null;
        for (X509Certificate certificate : certificates) {
            if (belongsTo(key, certificate.getPublicKey())) {
                leaf = certificate;
                break;
            }
        }
        if (leaf == null) {
            throw new Rejected("cert.keyMismatch", "privateKey", "the private key does not belong to the certificate");
        }
        if (now.isAfter(leaf.getNotAfter().toInstant())) {
            throw new Rejected("cert.expired", "certificate", "the certificate expired on " + leaf.getNotAfter().toInstant(),
                    leaf.getNotAfter().toInstant().toString());
        }
        if (now.isBefore(leaf.getNotBefore().toInstant())) {
            throw new Rejected("cert.notYetValid", "certificate", "the certificate is valid only from "
                    + leaf.getNotBefore().toInstant(), leaf.getNotBefore().toInstant().toString());
        }
        List<X509Certificate> chain = new ArrayList<>();
        chain.add(leaf);
        for (X509Certificate certificate : certificates) {
            if (certificate != leaf) {
                chain.add(certificate);
            }
        }
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            char[] storePassword = "check".toCharArray();
            store.setKeyEntry(ServerKeyMaterial.ALIAS, key, storePassword, chain.toArray(new Certificate[0]));
            KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm()).init(store, storePassword);
        } catch (IOException | GeneralSecurityException e) {
            throw new Rejected("cert.unusable", "certificate", "the certificate and key cannot be used for TLS: " + e.getMessage());
        }
        return new Checked(List.copyOf(chain), key);
    }

    /** Whether the key signs what the public key verifies (RSA, EC, EdDSA). */
    static boolean belongsTo(PrivateKey key, PublicKey publicKey) {
        if (!key.getAlgorithm().equals(publicKey.getAlgorithm())
                && !(isEdwards(key.getAlgorithm()) && isEdwards(publicKey.getAlgorithm()))) {
            return false;
        }
        String algorithm = switch (key.getAlgorithm()) {
            case "RSA" -> "SHA256withRSA";
            case "EC", "ECDSA" -> "SHA256withECDSA";
            case "Ed25519", "Ed448", "EdDSA" -> key.getAlgorithm();
            default -> null;
        };
        if (algorithm == null) {
            return false;
        }
        try {
            byte[] probe = new byte[32];
            new SecureRandom().nextBytes(probe);
            Signature signer = Signature.getInstance(algorithm);
            signer.initSign(key);
            signer.update(probe);
            byte[] signature = signer.sign();
            Signature verifier = Signature.getInstance(algorithm);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signature);
        } catch (GeneralSecurityException | RuntimeException e) {
            return false;
        }
    }

    private static boolean isEdwards(String algorithm) {
        return algorithm.startsWith("Ed");
    }

    private static void readPem(String text, String field, char[] password, List<X509Certificate> certificates,
            List<PrivateKey> keys) throws Rejected {
        JcaX509CertificateConverter certificateConverter = new JcaX509CertificateConverter();
        JcaPEMKeyConverter keyConverter = new JcaPEMKeyConverter();
        boolean any = false;
        try (PEMParser parser = new PEMParser(new StringReader(text))) {
            Object object;
            while ((object = parser.readObject()) != null) {
                any = true;
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(certificateConverter.getCertificate(holder));
                } else if (object instanceof PEMKeyPair pair) {
                    keys.add(keyConverter.getKeyPair(pair).getPrivate());
                } else if (object instanceof PrivateKeyInfo info) {
                    keys.add(keyConverter.getPrivateKey(info));
                } else if (object instanceof PEMEncryptedKeyPair encrypted) {
                    keys.add(keyConverter.getKeyPair(encrypted.decryptKeyPair(
                            new JcePEMDecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(passwordFor(password)))).getPrivate());
                } else if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                    keys.add(keyConverter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                            new JceOpenSSLPKCS8DecryptorProviderBuilder().setProvider(BOUNCY_CASTLE).build(passwordFor(password)))));
                }
            }
        } catch (Rejected e) {
            throw e;
        } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.pkcs.PKCSException
                | org.bouncycastle.openssl.EncryptionException e) {
            throw new Rejected("cert.keyPasswordWrong", "password", "cannot decrypt the private key: wrong password?");
        } catch (IOException | GeneralSecurityException | RuntimeException e) {
            throw new Rejected("cert.badPem", field, "not readable as PEM: " + e.getMessage());
        }
        if (!any) {
            throw new Rejected("cert.badPem", field, "not a PEM file (no -----BEGIN ...----- block)");
        }
    }

    private static char[] passwordFor(char[] password) throws Rejected {
        if (password == null || password.length == 0) {
            throw new Rejected("cert.keyPassword", "password", "the private key is encrypted: enter its password");
        }
        return password;
    }
}
