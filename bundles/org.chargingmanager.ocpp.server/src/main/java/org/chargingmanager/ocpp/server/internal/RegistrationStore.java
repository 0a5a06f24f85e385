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

import org.chargingmanager.ocpp.v16.RegistrationStatus;

/**
 * The registration of every charge box ID seen (Accepted / Pending / Rejected), and how many
 * connectors it has, in {@code <data>/ocpp-server/charge-points.properties}, so that EVSEs and
 * approvals survive restarts. Thread safe.
 */
final class RegistrationStore {

    record Entry(RegistrationStatus status, int connectors) {
    }

    private final Path file;
    private final Map<String, Entry> entries = new TreeMap<>();
    private boolean dirty;

    RegistrationStore(Path file) throws IOException {
        this.file = file;
        if (Files.exists(file)) {
            Properties properties = new Properties();
            try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
            properties.forEach((key, value) -> {
                String[] parts = ((String) value).split(",");
                RegistrationStatus status = RegistrationStatus.valueOf(parts[0]);
                int connectors = parts.length > 1 ? Integer.parseInt(parts[1]) : 0;
                entries.put((String) key, new Entry(status, connectors));
            });
        }
    }

    synchronized Optional<Entry> find(String chargeBoxId) {
        return Optional.ofNullable(entries.get(chargeBoxId));
    }

    synchronized Map<String, Entry> all() {
        return Map.copyOf(entries);
    }

    /** Records and saves at once (an admin's approval). */
    synchronized void put(String chargeBoxId, RegistrationStatus status, int connectors) {
        if (putLater(chargeBoxId, status, connectors)) {
            saveIfDirty();
        }
    }

    /**
     * Records; the file is written by the next {@link #saveIfDirty} (the server's one-second
     * timer), so that thousands of charge points registering at once do not rewrite the whole
     * file once each (quadratic, on the connections' threads).
     *
     * @return whether anything changed
     */
    synchronized boolean putLater(String chargeBoxId, RegistrationStatus status, int connectors) {
        Entry old = entries.get(chargeBoxId);
        Entry entry = new Entry(status, Math.max(connectors, old == null ? 0 : old.connectors()));
        if (entry.equals(old)) {
            return false;
        }
        entries.put(chargeBoxId, entry);
        dirty = true;
        return true;
    }

    /** Writes the file if anything changed since the last write. */
    synchronized void saveIfDirty() {
        if (!dirty) {
            return;
        }
        try {
            save();
            dirty = false;
        } catch (IOException e) {
            throw new java.io.UncheckedIOException("cannot save " + file, e);
        }
    }

    private void save() throws IOException {
        Properties properties = new Properties();
        entries.forEach((id, entry) -> properties.put(id, entry.status().name() + "," + entry.connectors()));
        Files.createDirectories(file.getParent());
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
            properties.store(writer, "OCPP charge points: registration status, number of connectors");
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
