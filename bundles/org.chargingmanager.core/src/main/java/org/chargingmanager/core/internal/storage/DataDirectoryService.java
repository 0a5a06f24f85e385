package org.chargingmanager.core.internal.storage;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Pattern;

import org.chargingmanager.api.platform.DataDirectory;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Finds the data directory: the framework or system property {@value #DATA_PROPERTY}, else the
 * environment variable {@value #DATA_ENVIRONMENT_VARIABLE}, else {@code ${karaf.data}/chargingmanager}
 * inside Karaf, else {@code data} in the working directory.
 */
@Component(service = DataDirectory.class)
public class DataDirectoryService implements DataDirectory {

    static final String DATA_PROPERTY = "chargingmanager.data";
    static final String DATA_ENVIRONMENT_VARIABLE = "CHARGINGMANAGER_DATA";
    private static final Pattern SIMPLE_NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");
    private static final Logger LOG = LoggerFactory.getLogger(DataDirectoryService.class);

    private Path path;

    @Activate
    void activate(BundleContext context) throws IOException {
        path = locate(context::getProperty, System.getenv());
        Files.createDirectories(path);
        LOG.info("Data directory is {}", path);
    }

    static Path locate(Function<String, String> properties, Map<String, String> environment) {
        String configured = properties.apply(DATA_PROPERTY);
        if (configured == null || configured.isBlank()) {
            configured = environment.get(DATA_ENVIRONMENT_VARIABLE);
        }
        if (configured != null && !configured.isBlank()) {
            return Paths.get(configured).toAbsolutePath().normalize();
        }
        String karafData = properties.apply("karaf.data");
        if (karafData != null && !karafData.isBlank()) {
            return Paths.get(karafData, "chargingmanager").toAbsolutePath().normalize();
        }
        return Paths.get("data").toAbsolutePath().normalize();
    }

    @Override
    public Path path() {
        return path;
    }

    @Override
    public Path subdirectory(String name) throws IOException {
        if (name == null || !SIMPLE_NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("not a simple directory name: " + name);
        }
        Path directory = path.resolve(name);
        if (!Files.isDirectory(directory)) {
            Files.createDirectories(directory);
            restrictToOwner(directory, "rwx------");
        }
        return directory;
    }

    /** Makes a file or directory accessible to the runtime's user only, where the file system can say so. */
    public static void restrictToOwner(Path file, String permissions) throws IOException {
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString(permissions));
        }
    }
}
