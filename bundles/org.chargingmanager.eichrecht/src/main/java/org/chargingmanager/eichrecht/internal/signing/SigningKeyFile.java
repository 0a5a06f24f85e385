package org.chargingmanager.eichrecht.internal.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Set;

import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.chargingmanager.eichrecht.internal.crypto.EcCurve;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs.EcKeyPair;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs;
import org.chargingmanager.eichrecht.internal.crypto.EcPublicKey;

/**
 * The internal signing key pair: a PKCS#8 PEM file ({@code openssl}-readable), created once with
 * permissions {@code rw-------} where the file system knows POSIX permissions.
 */
public final class SigningKeyFile {

    public static final String FILE_NAME = "internal-signing-key.pem";
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private SigningKeyFile() {
    }

    /** Loads the key pair, generating a secp256r1 one if the file does not exist yet. */
    public static synchronized EcKeyPair loadOrCreate(Path directory, SecureRandom random) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        if (Files.exists(file)) {
            return load(file);
        }
        EcKeyPair pair = EcKeyPairs.generate(EcCurve.SECP256R1, random);
        Path temporary = createOwnerOnly(directory);
        try {
            Files.writeString(temporary, pem(pair.privateKey()), StandardCharsets.US_ASCII);
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE);
        } catch (FileAlreadyExistsException createdMeanwhile) {
            Files.deleteIfExists(temporary);
            return load(file);
        }
        return pair;
    }

    static EcKeyPair load(Path file) throws IOException {
        String pem = Files.readString(file, StandardCharsets.US_ASCII);
        StringBuilder body = new StringBuilder();
        for (String line : pem.split("\\R")) {
            if (!line.startsWith("-----")) {
                body.append(line.strip());
            }
        }
        ECPrivateKeyParameters privateKey;
        try {
            privateKey = (ECPrivateKeyParameters) PrivateKeyFactory.createKey(Base64.getDecoder().decode(body.toString()));
        } catch (IllegalArgumentException | ClassCastException e) {
            throw new IOException(file + " is not an EC private key in PKCS#8 PEM", e);
        }
        ASN1ObjectIdentifier oid = ((ECNamedDomainParameters) privateKey.getParameters()).getName();
        EcCurve curve = EcCurve.byOid(oid).orElseThrow(() -> new IOException(file + ": unsupported curve " + oid));
        ECPrivateKeyParameters onOurDomain = new ECPrivateKeyParameters(privateKey.getD(), curve.domain());
        EcPublicKey publicKey = EcPublicKey.of(curve, curve.domain().getG().multiply(privateKey.getD()).normalize());
        return new EcKeyPair(curve, onOurDomain, publicKey);
    }

    private static String pem(ECPrivateKeyParameters privateKey) throws IOException {
        byte[] der = PrivateKeyInfoFactory.createPrivateKeyInfo(privateKey).getEncoded("DER");
        return "-----BEGIN PRIVATE KEY-----\n" + Base64.getMimeEncoder(64, new byte[] {'\n'}).encodeToString(der)
                + "\n-----END PRIVATE KEY-----\n";
    }

    private static Path createOwnerOnly(Path directory) throws IOException {
        if (directory.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            FileAttribute<Set<PosixFilePermission>> ownerOnly = PosixFilePermissions.asFileAttribute(OWNER_ONLY);
            return Files.createTempFile(directory, "internal-signing-key", ".tmp", ownerOnly);
        }
        Path temporary = Files.createTempFile(directory, "internal-signing-key", ".tmp");
        temporary.toFile().setReadable(false, false);
        temporary.toFile().setReadable(true, true);
        temporary.toFile().setWritable(false, false);
        temporary.toFile().setWritable(true, true);
        return temporary;
    }
}
