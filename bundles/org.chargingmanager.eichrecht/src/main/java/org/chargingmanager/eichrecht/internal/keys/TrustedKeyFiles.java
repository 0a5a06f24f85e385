package org.chargingmanager.eichrecht.internal.keys;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Properties;

import org.chargingmanager.api.eichrecht.TrustedKey;
import org.chargingmanager.api.eichrecht.TrustedKeyState;

/**
 * One small properties file per charging point under the data directory's {@code keys/}:
 * {@code trusted-key-<hex of the EVSE id>.properties}. Written to a temporary file and moved
 * into place, so a crash never leaves half a key.
 */
final class TrustedKeyFiles {

    private static final String PREFIX = "trusted-key-";
    private static final String SUFFIX = ".properties";

    private final Path directory;

    TrustedKeyFiles(Path directory) {
        this.directory = directory;
    }

    List<TrustedKey> loadAll() {
        List<TrustedKey> keys = new ArrayList<>();
        try (DirectoryStream<Path> files = Files.newDirectoryStream(directory, PREFIX + "*" + SUFFIX)) {
            for (Path file : files) {
                keys.add(load(file));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return keys;
    }

    void save(TrustedKey key) {
        Properties properties = new Properties();
        properties.setProperty("evseId", key.evseId());
        properties.setProperty("publicKey", key.publicKey());
        properties.setProperty("state", key.state().name());
        properties.setProperty("source", key.source());
        properties.setProperty("storedAt", key.storedAt().toString());
        Path target = file(key.evseId());
        try {
            Path temporary = Files.createTempFile(directory, PREFIX, ".tmp");
            try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.UTF_8)) {
                properties.store(writer, "Charging Manager: trusted meter public key");
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    boolean delete(String evseId) {
        try {
            return Files.deleteIfExists(file(evseId));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path file(String evseId) {
        return directory.resolve(PREFIX + HexFormat.of().formatHex(evseId.getBytes(StandardCharsets.UTF_8)) + SUFFIX);
    }

    private static TrustedKey load(Path file) throws IOException {
        Properties properties = new Properties();
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            properties.load(reader);
        }
        return new TrustedKey(properties.getProperty("evseId"), properties.getProperty("publicKey"),
                TrustedKeyState.valueOf(properties.getProperty("state")), properties.getProperty("source", ""),
                Instant.parse(properties.getProperty("storedAt")));
    }
}
