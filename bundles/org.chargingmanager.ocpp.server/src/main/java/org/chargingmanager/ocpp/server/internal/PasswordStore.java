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
        return hash.map(stored -> PasswordHasher.matches(password, stored)).orElse(true);
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
