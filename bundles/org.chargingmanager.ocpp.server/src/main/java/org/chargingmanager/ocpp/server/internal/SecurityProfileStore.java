package org.chargingmanager.ocpp.server.internal;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * The minimum security profile of each charge point (downgrade protection, OCPP 1.6 security
 * whitepaper), in {@code <data>/ocpp-server/security-profiles.properties}: charge box ID = 0..3.
 * A charge point without an entry has the minimum 0. Written at once on every change (an
 * operator's action, rare). Thread safe.
 */
final class SecurityProfileStore {

    static final int LOWEST = 0;
    static final int HIGHEST = 3;

    private final Path file;
    private final Map<String, Integer> minimums = new TreeMap<>();

    SecurityProfileStore(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            for (Map.Entry<Object, Object> entry : properties.entrySet()) {
                int profile;
                try {
                    profile = Integer.parseInt(((String) entry.getValue()).strip());
                } catch (NumberFormatException e) {
                    throw new IOException(file + ": the minimum security profile of " + entry.getKey()
                            + " is not a number: " + entry.getValue());
                }
                if (profile < LOWEST || profile > HIGHEST) {
                    throw new IOException(file + ": the minimum security profile of " + entry.getKey()
                            + " must be 0 to 3, not " + profile);
                }
                minimums.put((String) entry.getKey(), profile);
            }
        }
    }

    synchronized int minimum(String chargeBoxId) {
        return minimums.getOrDefault(chargeBoxId, LOWEST);
    }

    /** Stores the minimum (0 removes the entry) and writes the file; @return the previous minimum. */
    synchronized int setMinimum(String chargeBoxId, int profile) throws IOException {
        if (profile < LOWEST || profile > HIGHEST) {
            throw new IllegalArgumentException("a security profile is 0 to 3, not " + profile);
        }
        int old = minimum(chargeBoxId);
        if (profile == LOWEST) {
            minimums.remove(chargeBoxId);
        } else {
            minimums.put(chargeBoxId, profile);
        }
        try {
            save();
        } catch (IOException e) {
            if (old == LOWEST) {
                minimums.remove(chargeBoxId);
            } else {
                minimums.put(chargeBoxId, old);
            }
            throw e;
        }
        return old;
    }

    private void save() throws IOException {
        Properties properties = new Properties();
        minimums.forEach((id, profile) -> properties.put(id, Integer.toString(profile)));
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "OCPP minimum security profile per charge box ID (0 to 3); lower ones are refused");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
