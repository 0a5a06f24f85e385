package org.chargingmanager.ocpp.server.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

/** Keeps secrets readable by the owner only, where the file system can say so. */
final class FilePermissions {

    private FilePermissions() {
    }

    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // not POSIX (Windows): the data directory's ACL applies
        }
    }
}
