package org.chargingmanager.api.platform;

import java.io.IOException;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Where the charging manager keeps its files: database, keys, certificates, logs. In the
 * standalone runtime this is {@code data/} beside it (or {@code CHARGINGMANAGER_DATA}); inside
 * Karaf it is {@code ${karaf.data}/chargingmanager}.
 */
@ProviderType
public interface DataDirectory {

    /** The directory itself; it exists. */
    Path path();

    /**
     * A subdirectory for one purpose, created (readable by the owner only) if missing.
     *
     * @param name a simple name such as {@code keys}
     */
    Path subdirectory(String name) throws IOException;
}
