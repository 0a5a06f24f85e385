package org.chargingmanager.billing.internal.log;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.chargingmanager.billing.internal.db.Database;

/** Fills the log fast (JDBC batches) with closed sessions, for tests of reading. */
public final class BulkInsert {

    private BulkInsert() {
    }

    /** Sessions {@code first..first+count-1}, one minute apart from {@code t0}, on 10 EVSEs and 5 users. */
    public static void closedSessions(Database database, OffsetDateTime t0, int first, int count) throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cm_transaction"
                    + " (evse_id, charge_box_id, connector_id, user_id, id_tag, start_at, start_offset_seconds,"
                    + " meter_start_wh, end_at, end_offset_seconds, meter_stop_wh, stop_reason, signature_status,"
                    + " signed_value_count, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NONE', 0, ?)")) {
                for (int i = first; i < first + count; i++) {
                    OffsetDateTime start = t0.plusMinutes(i);
                    insert.setString(1, "evse-" + (i % 10));
                    insert.setString(2, "CB" + (i % 10));
                    insert.setInt(3, 1);
                    insert.setString(4, "user-" + (i % 5));
                    insert.setString(5, "TAG-" + (i % 5));
                    insert.setObject(6, start.withOffsetSameInstant(ZoneOffset.UTC));
                    insert.setInt(7, start.getOffset().getTotalSeconds());
                    insert.setLong(8, i * 1000L);
                    insert.setObject(9, start.plusSeconds(50).withOffsetSameInstant(ZoneOffset.UTC));
                    insert.setInt(10, start.getOffset().getTotalSeconds());
                    insert.setLong(11, i * 1000L + 777);
                    insert.setString(12, "EVDisconnected");
                    insert.setObject(13, start.withOffsetSameInstant(ZoneOffset.UTC));
                    insert.addBatch();
                    if ((i - first) % 1000 == 999) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
    }
}
