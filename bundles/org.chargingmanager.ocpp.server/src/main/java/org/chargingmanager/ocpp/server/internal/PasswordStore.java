package org.chargingmanager.ocpp.server.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Salted hashes of the server password and of per-charge-point passwords, in
 * {@code <data>/ocpp-server/passwords.properties} (owner-readable only). A charge point's own
 * password replaces the server password for it. Thread safe.
 */
final class PasswordStore {

    private static final String SERVER_KEY = "*";

    private final Path file;
    private final Map<String, String> hashes = new TreeMap<>();

    PasswordStore(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.forEach((key, value) -> hashes.put((String) key, (String) value));
        }
    }

    synchronized void setServerPassword(char[] password) throws IOException {
        set(SERVER_KEY, password);
    }

    synchronized void setChargePointPassword(String chargeBoxId, char[] password) throws IOException {
        set(chargeBoxId, password);
    }

    /** Whether a charge point with this ID must authenticate. */
    synchronized boolean passwordRequired(String chargeBoxId) {
        return hashes.containsKey(chargeBoxId) || hashes.containsKey(SERVER_KEY);
    }

    /** Checks the password a charge point sent; its own password if it has one, else the server password. */
    boolean check(String chargeBoxId, char[] password) {
        Optional<String> hash;
        synchronized (this) {
            hash = Optional.ofNullable(hashes.getOrDefault(chargeBoxId, hashes.get(SERVER_KEY)));
        }
        if (hash.isEmpty()) {
            return true;
        }
        char[] decoded = decodedAuthorizationKey(password);
        if (PasswordHasher.matches(password, hash.get())) {
            if (decoded != null) {
                java.util.Arrays.fill(decoded, '\0');
            }
            return true;
        }
        return decoded != null && PasswordHasher.matches(decoded, hash.get());
    }

    /**
     * The OCPP 1.6 security whitepaper sets the password as AuthorizationKey in hexadecimal; a
     * charger should decode it and send the bytes, some send the hex text itself. For a hex text
     * of 16 to 20 bytes that decode to printable ASCII, the decoded password is tried as well.
     */
    static char[] decodedAuthorizationKey(char[] password) {
        if (password == null || password.length < 32 || password.length > 40 || password.length % 2 != 0) {
            return null;
        }
        char[] decoded = new char[password.length / 2];
        for (int i = 0; i < decoded.length; i++) {
            int high = Character.digit(password[2 * i], 16);
            int low = Character.digit(password[2 * i + 1], 16);
            int value = high << 4 | low;
            if (high < 0 || low < 0 || value < 0x21 || value > 0x7e) {
                java.util.Arrays.fill(decoded, '\0');
                return null;
            }
            decoded[i] = (char) value;
        }
        return decoded;
    }

    private void set(String key, char[] password) throws IOException {
        if (password == null || password.length == 0) {
            hashes.remove(key);
        } else {
            hashes.put(key, PasswordHasher.hash(password));
        }
        save();
    }

    private void save() throws IOException {
        Properties properties = new Properties();
        properties.putAll(hashes);
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "OCPP passwords: salted PBKDF2 hashes, user = charge box ID, * = server password");
        }
        FilePermissions.ownerOnly(temporary);
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
