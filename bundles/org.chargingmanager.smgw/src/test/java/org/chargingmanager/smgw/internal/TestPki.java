package org.chargingmanager.smgw.internal;

import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/** Certificates made by the test: an SMGW CA, the SMGW's HAN certificate signed by it, and strangers. */
final class TestPki {

    record Identity(KeyPair keys, X509Certificate certificate) {
    }

    static KeyPair ecKeys() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), new SecureRandom());
        return generator.generateKeyPair();
    }

    static Identity selfSigned(String subject, boolean ca) throws Exception {
        KeyPair keys = ecKeys();
        return new Identity(keys, sign(subject, keys, subject, keys, ca));
    }

    static Identity issuedBy(Identity issuer, String subject) throws Exception {
        KeyPair keys = ecKeys();
        return new Identity(keys, sign(subject, keys, issuer.certificate().getSubjectX500Principal().getName(),
                issuer.keys(), false));
    }

    private static X509Certificate sign(String subject, KeyPair subjectKeys, String issuer, KeyPair issuerKeys,
            boolean ca) throws Exception {
        Instant now = Instant.now();
        return new JcaX509CertificateConverter().getCertificate(new JcaX509v3CertificateBuilder(new X500Name(issuer),
                new BigInteger(64, new SecureRandom()), Date.from(now.minus(Duration.ofDays(1))),
                Date.from(now.plus(Duration.ofDays(30))), new X500Name(subject), subjectKeys.getPublic())
                .addExtension(Extension.basicConstraints, true, new BasicConstraints(ca))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuerKeys.getPrivate())));
    }

    static Path pem(Path file, Object... objects) throws Exception {
        StringBuilder text = new StringBuilder();
        for (Object object : objects) {
            text.append(SmgwKeys.pem(object));
        }
        Files.writeString(file, text);
        return file;
    }

    /** A TLS context presenting {@code identity} (none if null) and trusting {@code trusted}. */
    static SSLContext context(Identity identity, X509Certificate trusted, String protocol) throws Exception {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        keys.load(null, null);
        if (identity != null) {
            keys.setKeyEntry("me", identity.keys().getPrivate(), new char[0],
                    new X509Certificate[] { identity.certificate() });
        }
        KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keyManagers.init(keys, new char[0]);
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("trusted", trusted);
        TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trustManagers.init(trust);
        SSLContext context = SSLContext.getInstance(protocol);
        context.init(keyManagers.getKeyManagers(), trustManagers.getTrustManagers(), new SecureRandom());
        return context;
    }
}
