package org.chargingmanager.ocpp.gateway.internal;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.chargingmanager.ocpp.v16.AuthorizationData;
import org.chargingmanager.ocpp.v16.AuthorizationStatus;
import org.chargingmanager.ocpp.v16.IdTagInfo;
import org.chargingmanager.ocpp.v16.SendLocalListRequest;
import org.chargingmanager.ocpp.v16.UpdateStatus;
import org.chargingmanager.ocpp.v16.UpdateType;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The local authorization list the backend sends with SendLocalList (OCPP 1.6 §3.5.2, profile
 * LocalAuthListManagement): full or differential updates with a version, kept in a file so it
 * holds after a restart. Its entries win over the authorization cache (§3.5.3); an entry that is
 * not Accepted, or whose expiry date has passed, refuses the tag even offline (§3.5.4).
 */
final class LocalAuthList {

    /** How many entries one list may hold (LocalAuthListMaxLength, SendLocalListMaxLength). */
    static final int MAX_ENTRIES = 10_000;

    private final Path file;
    private final Map<String, IdTagInfo> entries = new LinkedHashMap<>();
    private int version;

    LocalAuthList(Path file) {
        this.file = file;
        if (file != null && Files.exists(file)) {
            read();
        }
    }

    synchronized int version() {
        return version;
    }

    synchronized int size() {
        return entries.size();
    }

    /** Applies a SendLocalList; the file is replaced atomically before Accepted is answered. */
    synchronized UpdateStatus apply(SendLocalListRequest request) {
        var list = request.localAuthorizationList() == null ? java.util.List.<AuthorizationData>of()
                : request.localAuthorizationList();
        if (request.updateType() == UpdateType.DIFFERENTIAL && request.listVersion() <= version) {
            return UpdateStatus.VERSION_MISMATCH;
        }
        Map<String, IdTagInfo> updated = new LinkedHashMap<>(
                request.updateType() == UpdateType.FULL ? Map.of() : entries);
        for (AuthorizationData data : list) {
            String key = data.idTag().toLowerCase(java.util.Locale.ROOT);
            if (data.idTagInfo() == null) {
                if (request.updateType() == UpdateType.FULL) {
                    return UpdateStatus.FAILED; // a full list names a status for every tag
                }
                updated.remove(key);
            } else {
                updated.put(key, data.idTagInfo());
            }
        }
        if (updated.size() > MAX_ENTRIES) {
            return UpdateStatus.FAILED;
        }
        int previousVersion = version;
        Map<String, IdTagInfo> previous = new LinkedHashMap<>(entries);
        entries.clear();
        entries.putAll(updated);
        version = request.updateType() == UpdateType.FULL && list.isEmpty() ? 0 : request.listVersion();
        try {
            write();
        } catch (UncheckedIOException e) {
            entries.clear();
            entries.putAll(previous);
            version = previousVersion;
            return UpdateStatus.FAILED;
        }
        return UpdateStatus.ACCEPTED;
    }

    /**
     * What the list says about a tag now: empty when the tag is not on it; Expired when its expiry
     * date has passed.
     */
    synchronized Optional<AuthorizationStatus> lookup(String idTag, Instant now) {
        IdTagInfo info = entries.get(idTag.toLowerCase(java.util.Locale.ROOT));
        if (info == null) {
            return Optional.empty();
        }
        if (info.status() == AuthorizationStatus.ACCEPTED && info.expiryDate() != null
                && !info.expiryDate().isAfter(now)) {
            return Optional.of(AuthorizationStatus.EXPIRED);
        }
        return Optional.of(info.status());
    }

    private void read() {
        try {
            JsonObject root = JsonParser.parseString(Files.readString(file, StandardCharsets.UTF_8)).getAsJsonObject();
            version = root.get("version").getAsInt();
            for (JsonElement element : root.getAsJsonArray("entries")) {
                JsonObject entry = element.getAsJsonObject();
                entries.put(entry.get("idTag").getAsString(), new IdTagInfo(
                        entry.has("expiry") ? Instant.parse(entry.get("expiry").getAsString()) : null,
                        entry.has("parent") ? entry.get("parent").getAsString() : null,
                        AuthorizationStatus.valueOf(entry.get("status").getAsString())));
            }
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException("cannot read the local authorization list " + file + ": " + e, e);
        }
    }

    private void write() {
        if (file == null) {
            return;
        }
        JsonObject root = new JsonObject();
        root.addProperty("version", version);
        JsonArray array = new JsonArray();
        entries.forEach((tag, info) -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("idTag", tag);
            entry.addProperty("status", info.status().name());
            if (info.expiryDate() != null) {
                entry.addProperty("expiry", info.expiryDate().toString());
            }
            if (info.parentIdTag() != null) {
                entry.addProperty("parent", info.parentIdTag());
            }
            array.add(entry);
        });
        root.add("entries", array);
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, root.toString(), StandardCharsets.UTF_8);
            try (var channel = java.nio.channels.FileChannel.open(temporary, java.nio.file.StandardOpenOption.WRITE)) {
                channel.force(true);
            }
            Files.move(temporary, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
