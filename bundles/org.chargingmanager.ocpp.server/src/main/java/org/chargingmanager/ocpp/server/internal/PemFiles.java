package org.chargingmanager.ocpp.server.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

import org.bouncycastle.openssl.jcajce.JcaPEMWriter;

/** PEM text of keys and certificates, and writing it to a file atomically. */
final class PemFiles {

    private PemFiles() {
    }

    static String pem(Object... objects) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            for (Object object : objects) {
                writer.writeObject(object);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }

    /**
     * Writes through a temporary file that is moved into place, so a crash leaves the old file or
     * the new one; a secret is made owner-only before anything is written into it.
     */
    static void write(Path file, String text, boolean secret) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(temporary);
        Files.createFile(temporary);
        if (secret) {
            FilePermissions.ownerOnly(temporary);
        }
        try (Writer writer = Files.newBufferedWriter(temporary, StandardCharsets.US_ASCII)) {
            writer.write(text);
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING);
    }
}
