package org.chargingmanager.ocpp.server.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Locale;

import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMEncryptedKeyPair;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JceOpenSSLPKCS8DecryptorProviderBuilder;
import org.bouncycastle.openssl.jcajce.JcePEMDecryptorProviderBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.PKCS8EncryptedPrivateKeyInfo;

/**
 * The server's private key and certificate chain for TLS: imported (PEM certificate + PEM key,
 * or PKCS#12) or, when none is configured, a self-signed RSA 2048 certificate generated on first
 * start and kept under {@code <data>/ocpp-server/} ({@code server-key.pem} readable by the owner
 * only, {@code server-cert.pem}), naming this machine ({@link ServerCertificateNames}); generated
 * again when the installer adds names it lacks.
 */
final class ServerKeyMaterial {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServerKeyMaterial.class);

    static final String ALIAS = "ocpp-server";

    private ServerKeyMaterial() {
    }

    /** An in-memory key store with one entry {@link #ALIAS}, protected by {@code storePassword}. */
    static KeyStore load(ServerSettings settings, char[] storePassword) throws IOException, GeneralSecurityException {
        PrivateKey key;
        List<X509Certificate> chain;
        if (settings.certificateFile() != null) {
            String name = settings.certificateFile().getFileName().toString().toLowerCase(Locale.ROOT);
            if (name.endsWith(".p12") || name.endsWith(".pfx")) {
                return fromPkcs12(settings.certificateFile(), settings.keyPassword(), storePassword);
            }
            chain = readCertificates(settings.certificateFile());
            key = readPrivateKey(settings.privateKeyFile(), settings.keyPassword());
        } else {
            Path directory = settings.dataDirectory().resolve("ocpp-server");
            Path keyFile = directory.resolve("server-key.pem");
            Path certificateFile = directory.resolve("server-cert.pem");
            if (!Files.exists(keyFile) || !Files.exists(certificateFile)) {
                generateSelfSigned(keyFile, certificateFile, settings.serverCertificateNames());
            } else if (!ServerCertificateNames.coversAll(readCertificates(certificateFile).get(0),
                    settings.serverCertificateNames())) {
                LOG.info("OCPP server certificate generated again to name {} as well; wallboxes that trust the old one "
                        + "need the new {}", settings.serverCertificateNames(), certificateFile);
                generateSelfSigned(keyFile, certificateFile, settings.serverCertificateNames());
            }
            chain = readCertificates(certificateFile);
            key = readPrivateKey(keyFile, new char[0]);
        }
        if (chain.isEmpty()) {
            throw new GeneralSecurityException("no certificate found in " + settings.certificateFile());
        }
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        store.setKeyEntry(ALIAS, key, storePassword, chain.toArray(new Certificate[0]));
        return store;
    }

    /** CA certificates trusted for client certificates (security profile 3). */
    static KeyStore trustStore(Path caFile) throws IOException, GeneralSecurityException {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, null);
        int index = 0;
        for (X509Certificate certificate : readCertificates(caFile)) {
            store.setCertificateEntry("ca-" + index++, certificate);
        }
        if (index == 0) {
            throw new GeneralSecurityException("no CA certificate in " + caFile);
        }
        return store;
    }

    private static KeyStore fromPkcs12(Path file, char[] password, char[] storePassword)
            throws IOException, GeneralSecurityException {
        KeyStore source = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            source.load(in, password);
        }
        for (String alias : Collections.list(source.aliases())) {
            if (source.isKeyEntry(alias)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(null, null);
                store.setKeyEntry(ALIAS, source.getKey(alias, password), storePassword, source.getCertificateChain(alias));
                return store;
            }
        }
        throw new GeneralSecurityException("no private key in " + file);
    }

    static List<X509Certificate> readCertificates(Path file) throws IOException, GeneralSecurityException {
        List<X509Certificate> certificates = new ArrayList<>();
        JcaX509CertificateConverter converter = new JcaX509CertificateConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            Object object;
            while ((object = parser.readObject()) != null) {
                if (object instanceof X509CertificateHolder holder) {
                    certificates.add(converter.getCertificate(holder));
                }
            }
        }
        return certificates;
    }

    static PrivateKey readPrivateKey(Path file, char[] password) throws IOException, GeneralSecurityException {
        if (file == null) {
            throw new GeneralSecurityException("a PEM certificate needs its private key file");
        }
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII); PEMParser parser = new PEMParser(reader)) {
            Object object;
            while ((object = parser.readObject()) != null) {
                try {
                    if (object instanceof PEMKeyPair pair) {
                        return converter.getKeyPair(pair).getPrivate();
                    }
                    if (object instanceof PrivateKeyInfo info) {
                        return converter.getPrivateKey(info);
                    }
                    if (object instanceof PEMEncryptedKeyPair encrypted) {
                        return converter.getKeyPair(encrypted.decryptKeyPair(
                                new JcePEMDecryptorProviderBuilder().build(password))).getPrivate();
                    }
                    if (object instanceof PKCS8EncryptedPrivateKeyInfo encrypted) {
                        return converter.getPrivateKey(encrypted.decryptPrivateKeyInfo(
                                new JceOpenSSLPKCS8DecryptorProviderBuilder().build(password)));
                    }
                } catch (org.bouncycastle.operator.OperatorCreationException | org.bouncycastle.pkcs.PKCSException e) {
                    throw new GeneralSecurityException("cannot decrypt the private key in " + file + " (wrong password?)", e);
                }
            }
        }
        throw new GeneralSecurityException("no private key in " + file);
    }

    private static void generateSelfSigned(Path keyFile, Path certificateFile, List<String> extraNames)
            throws IOException, GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048, new SecureRandom());
        KeyPair pair = generator.generateKeyPair();
        String host = ServerCertificateNames.hostName();
        X500Name subject = new X500Name("CN=" + host + ", O=Charging Manager OCPP server");
        Instant now = Instant.now();
        JcaX509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(subject,
                new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))), subject,
                pair.getPublic());
        try {
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyEncipherment));
            builder.addExtension(Extension.subjectAlternativeName, false, new GeneralNames(
                    ServerCertificateNames.generalNames(ServerCertificateNames.forThisMachine(host, extraNames))));
            X509Certificate certificate = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
            Files.createDirectories(keyFile.getParent());
            PemFiles.write(keyFile, PemFiles.pem(pair.getPrivate()), true);
            PemFiles.write(certificateFile, PemFiles.pem(certificate), false);
        } catch (org.bouncycastle.operator.OperatorCreationException e) {
            throw new GeneralSecurityException("cannot sign the self-signed certificate", e);
        }
    }

}
