package org.chargingmanager.billing.internal.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.OffsetDateTime;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionCost;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.billing.internal.log.JdbcTransactionLog;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** A database of schema version 1 (before costs) is migrated with its sessions kept, their cost unknown. */
class CostMigrationTest {

    @ParameterizedTest
    @EnumSource(Backend.class)
    void sessionsRecordedBeforeCostsKeepEverythingAndHaveNoCost(Backend backend) throws Exception {
        String url = backend.newDatabaseUrl();
        Dialect dialect = Dialect.of(url);
        try (Connection connection = DriverManager.getConnection(url, backend.user(), "");
                Statement statement = connection.createStatement()) {
            statement.execute(Migrations.VERSION_TABLE);
            for (String sql : Migrations.ALL.get(0).statements()) {
                statement.execute(dialect.sql(sql));
            }
            statement.execute("INSERT INTO cm_schema_version (version, description, applied_at)"
                    + " VALUES (1, 'v1', TIMESTAMP WITH TIME ZONE '2025-01-01 00:00:00+00')");
            statement.execute("INSERT INTO cm_transaction (evse_id, connector_id, user_id, start_at,"
                    + " start_offset_seconds, meter_start_wh, end_at, end_offset_seconds, meter_stop_wh, stop_reason,"
                    + " signature_status, signed_value_count, recorded_at) VALUES ('garage-1', 1, 'alice',"
                    + " TIMESTAMP WITH TIME ZONE '2025-01-01 20:00:00+00', 3600, 1000,"
                    + " TIMESTAMP WITH TIME ZONE '2025-01-01 22:00:00+00', 3600, 8500, 'EVDisconnected', 'NONE', 0,"
                    + " TIMESTAMP WITH TIME ZONE '2025-01-01 22:00:00+00')");
            statement.execute("INSERT INTO cm_transaction (evse_id, connector_id, start_at, start_offset_seconds,"
                    + " meter_start_wh, signature_status, signed_value_count, recorded_at) VALUES ('garage-2', 1,"
                    + " TIMESTAMP WITH TIME ZONE '2025-01-02 20:00:00+00', 3600, 200, 'NONE', 0,"
                    + " TIMESTAMP WITH TIME ZONE '2025-01-02 20:00:00+00')");
        }
        try (Database database = backend.open(url); Connection connection = database.dataSource().getConnection()) {
            assertThat(Database.currentVersion(connection)).isEqualTo(Migrations.ALL.size());
            JdbcTransactionLog log = new JdbcTransactionLog(database);
            Transaction old = log.find(1).orElseThrow();
            assertThat(old.evseId()).isEqualTo("garage-1");
            assertThat(old.userId()).isEqualTo("alice");
            assertThat(old.energyWattHours()).isEqualTo(7_500);
            assertThat(old.cost()).isEqualTo(TransactionCost.UNKNOWN);

            long open = log.findOpen("garage-2").orElseThrow().id();
            Transaction stopped = log.stop(open, new TransactionStop(OffsetDateTime.parse("2025-01-02T23:00:00+01:00"),
                    2_200, "Local"));
            assertThat(stopped.energyWattHours()).isEqualTo(2_000);
            assertThat(stopped.cost()).as("not tracked while it ran: unknown, never a guess")
                    .isEqualTo(TransactionCost.UNKNOWN);
        }
    }
}
