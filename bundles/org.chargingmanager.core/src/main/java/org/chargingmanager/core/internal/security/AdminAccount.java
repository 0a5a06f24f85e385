package org.chargingmanager.core.internal.security;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Map;
import java.util.function.Function;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.chargingmanager.api.platform.AdminAuthenticator;
import org.chargingmanager.api.platform.DataDirectory;
import org.chargingmanager.core.internal.storage.DataDirectoryService;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The administrator account {@code admin}. On first start its password comes from the
 * environment variable {@value #PASSWORD_ENVIRONMENT_VARIABLE} (or the framework property
 * {@value #PASSWORD_PROPERTY}, for embedding and tests); without either, a random one is
 * generated and printed once on the console. Only a salted hash is stored, in
 * {@code data/security/admin-password}; delete that file to set a new password at the next start.
 */
@Component(service = AdminAuthenticator.class)
public class AdminAccount implements AdminAuthenticator {

    static final String PASSWORD_ENVIRONMENT_VARIABLE = "CHARGINGMANAGER_ADMIN_PASSWORD";
    static final String PASSWORD_PROPERTY = "chargingmanager.admin.password";
    static final String PASSWORD_FILE = "admin-password";
    private static final String PASSWORD_ALPHABET = "abcdefghijkmnpqrstuvwxyzABCDEFGHJKLMNPQRSTUVWXYZ23456789";
    private static final int GENERATED_PASSWORD_LENGTH = 16;
    private static final Logger LOG = LoggerFactory.getLogger(AdminAccount.class);

    private final SecureRandom random = new SecureRandom();
    private final byte[] fingerprintKey = new byte[32];
    private volatile PasswordHash passwordHash;
    private Path passwordFile;
    /** Keyed digest of the last password that verified, so a correct password is not re-derived on every request. */
    private volatile byte[] verifiedFingerprint;

    @Reference
    private DataDirectory dataDirectory;

    @Activate
    void activate(BundleContext context) throws IOException {
        Path file = dataDirectory.subdirectory("security").resolve(PASSWORD_FILE);
        start(file, context::getProperty, System.getenv(), System.out);
    }

    void start(Path file, Function<String, String> properties, Map<String, String> environment, PrintStream console)
            throws IOException {
        random.nextBytes(fingerprintKey);
        verifiedFingerprint = null;
        passwordFile = file;
        passwordHash = loadOrCreate(file, properties, environment, console);
    }

    private PasswordHash loadOrCreate(Path file, Function<String, String> properties, Map<String, String> environment,
            PrintStream console) throws IOException {
        if (Files.exists(file)) {
            try {
                return PasswordHash.parse(Files.readString(file, StandardCharsets.US_ASCII));
            } catch (IllegalArgumentException e) {
                throw new IOException("The admin password file " + file + " is damaged (" + e.getMessage()
                        + "); delete it to set a new password at the next start", e);
            }
        }
        String initial = environment.get(PASSWORD_ENVIRONMENT_VARIABLE);
        String source = "the environment variable " + PASSWORD_ENVIRONMENT_VARIABLE;
        if (initial == null || initial.isEmpty()) {
            initial = properties.apply(PASSWORD_PROPERTY);
            source = "the property " + PASSWORD_PROPERTY;
        }
        boolean generated = initial == null || initial.isEmpty();
        if (generated) {
            initial = generatePassword();
        }
        PasswordHash created = PasswordHash.create(initial.toCharArray(), random);
        store(file, created);
        if (generated) {
            console.println();
            console.println("==================================================================");
            console.println(" Charging Manager: generated the password of the user 'admin':");
            console.println();
            console.println("     " + initial);
            console.println();
            console.println(" It is shown only this once. Only a salted hash is stored, in");
            console.println(" " + file);
            console.println("==================================================================");
            console.println();
            LOG.info("Generated the admin password and printed it on the console; only its hash is stored");
        } else {
            LOG.info("Set the admin password from {}; only its hash is stored", source);
        }
        return created;
    }

    private static void store(Path file, PasswordHash hash) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, hash.format() + "\n", StandardCharsets.US_ASCII);
        DataDirectoryService.restrictToOwner(temporary, "rw-------");
        Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    }

    private String generatePassword() {
        StringBuilder password = new StringBuilder(GENERATED_PASSWORD_LENGTH);
        for (int i = 0; i < GENERATED_PASSWORD_LENGTH; i++) {
            password.append(PASSWORD_ALPHABET.charAt(random.nextInt(PASSWORD_ALPHABET.length())));
        }
        return password.toString();
    }

    @Override
    public boolean authenticate(String username, char[] password) {
        if (username == null || password == null || password.length == 0) {
            return false;
        }
        byte[] fingerprint = fingerprint(password);
        byte[] verified = verifiedFingerprint;
        boolean userMatches = MessageDigest.isEqual(ADMIN_USER.getBytes(StandardCharsets.UTF_8),
                username.getBytes(StandardCharsets.UTF_8));
        if (verified != null && MessageDigest.isEqual(verified, fingerprint)) {
            return userMatches;
        }
        boolean passwordMatches = passwordHash.matches(password);
        if (passwordMatches) {
            verifiedFingerprint = fingerprint;
        }
        return userMatches && passwordMatches;
    }

    @Override
    public synchronized boolean changePassword(char[] currentPassword, char[] newPassword) throws IOException {
        if (newPassword == null || newPassword.length < MINIMUM_PASSWORD_LENGTH) {
            throw new IllegalArgumentException("the new password must have at least " + MINIMUM_PASSWORD_LENGTH
                    + " characters");
        }
        if (new String(newPassword).isBlank()) {
            throw new IllegalArgumentException("the new password must not be blank");
        }
        if (currentPassword == null || !passwordHash.matches(currentPassword)) {
            LOG.warn("Admin password not changed: the current password was wrong");
            return false;
        }
        PasswordHash changed = PasswordHash.create(newPassword, random);
        store(passwordFile, changed);
        passwordHash = changed;
        verifiedFingerprint = null;
        LOG.info("Changed the admin password; only its hash is stored");
        return true;
    }

    private byte[] fingerprint(char[] password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(fingerprintKey, "HmacSHA256"));
            return mac.doFinal(new String(password).getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available in this Java runtime", e);
        }
    }
}
