package org.chargingmanager.runtime.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.osgi.framework.InvalidSyntaxException;
import org.osgi.service.cm.Configuration;
import org.osgi.service.cm.ConfigurationAdmin;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * FileInstall deletes the configuration of a settings file in {@code etc/} when the file is
 * deleted while the runtime runs, but not when it was deleted while the runtime was stopped:
 * ConfigAdmin keeps it in {@code data/config/}. At start this deletes such leftovers, so that
 * deleting a file in {@code etc/} always deletes its setting (for example to switch the demo off).
 */
@Component
public class RemovedSettingsFiles {

    static final String FILE_PROPERTY = "felix.fileinstall.filename";
    private static final Logger LOG = LoggerFactory.getLogger(RemovedSettingsFiles.class);

    @Activate
    public RemovedSettingsFiles(@Reference ConfigurationAdmin configurationAdmin)
            throws IOException, InvalidSyntaxException {
        Configuration[] configurations = configurationAdmin.listConfigurations("(" + FILE_PROPERTY + "=*)");
        if (configurations == null) {
            return;
        }
        for (Configuration configuration : configurations) {
            Object file = configuration.getProperties() == null ? null : configuration.getProperties().get(FILE_PROPERTY);
            Path path = file == null ? null : toPath(file.toString());
            if (path != null && !Files.exists(path)) {
                LOG.info("Deleting configuration {}: its settings file {} was removed while the runtime was stopped",
                        configuration.getPid(), path);
                configuration.delete();
            }
        }
    }

    static Path toPath(String fileInstallName) {
        try {
            return fileInstallName.startsWith("file:") ? Paths.get(URI.create(fileInstallName)) : Paths.get(fileInstallName);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
