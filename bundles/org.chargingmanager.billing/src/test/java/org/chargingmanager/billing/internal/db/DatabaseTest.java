package org.chargingmanager.billing.internal.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class DatabaseTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void migratesOnFirstStartAndNotAgain(Backend backend) throws Exception {
        String url = backend.newDatabaseUrl();
        try (Database database = backend.open(url)) {
            assertThat(database.dialect().name()).isEqualTo(backend.name());
        }
        try (Database database = backend.open(url); Connection connection = database.dataSource().getConnection()) {
            assertThat(Database.currentVersion(connection)).isEqualTo(Migrations.ALL.size());
            try (var result = connection.createStatement().executeQuery("SELECT COUNT(*) FROM cm_schema_version")) {
                result.next();
                assertThat(result.getInt(1)).isEqualTo(Migrations.ALL.size());
            }
        }
    }

    @Test
    void passwordsInUrlsAreMaskedInDescriptions() {
        assertThat(Database.redact("jdbc:postgresql://db/cm?user=cm&password=s3cret&ssl=true"))
                .isEqualTo("jdbc:postgresql://db/cm?user=cm&password=***&ssl=true")
                .doesNotContain("s3cret");
    }

    @Test
    void otherDatabasesAreRefused() {
        assertThatThrownBy(() -> new Database("jdbc:mysql://db/cm?password=geheim", "", "", 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageNotContaining("geheim");
    }
}
