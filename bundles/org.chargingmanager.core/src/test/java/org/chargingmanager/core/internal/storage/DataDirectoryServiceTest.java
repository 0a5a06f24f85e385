package org.chargingmanager.core.internal.storage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Map;

import org.junit.jupiter.api.Test;

class DataDirectoryServiceTest {

    @Test
    void propertyWinsOverEnvironmentAndKaraf() {
        Path path = DataDirectoryService.locate(
                Map.of("chargingmanager.data", "/srv/cm", "karaf.data", "/opt/karaf/data")::get,
                Map.of("CHARGINGMANAGER_DATA", "/var/lib/cm"));
        assertThat(path).isEqualTo(Paths.get("/srv/cm"));
    }

    @Test
    void environmentWinsOverKaraf() {
        Path path = DataDirectoryService.locate(Map.of("karaf.data", "/opt/karaf/data")::get,
                Map.of("CHARGINGMANAGER_DATA", "/var/lib/cm"));
        assertThat(path).isEqualTo(Paths.get("/var/lib/cm"));
    }

    @Test
    void insideKarafUsesItsDataDirectory() {
        Path path = DataDirectoryService.locate(Map.of("karaf.data", "/opt/karaf/data")::get, Map.of());
        assertThat(path).isEqualTo(Paths.get("/opt/karaf/data/chargingmanager"));
    }

    @Test
    void defaultIsDataInWorkingDirectory() {
        Path path = DataDirectoryService.locate(Map.<String, String>of()::get, Map.of());
        assertThat(path).isEqualTo(Paths.get("data").toAbsolutePath());
    }
}
