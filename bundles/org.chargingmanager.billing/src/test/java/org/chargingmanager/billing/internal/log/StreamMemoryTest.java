package org.chargingmanager.billing.internal.log;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.ref.WeakReference;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Map;

import org.chargingmanager.api.billing.TransactionQuery;
import org.chargingmanager.billing.internal.db.Backend;
import org.chargingmanager.billing.internal.db.Database;
import org.chargingmanager.billing.internal.web.TransactionCsvWriter;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Streams 60,000 sessions from the database through the CSV writer into a sink that only counts:
 * rows already written are garbage, and the heap after 58,000 rows is what it was after 2,000.
 */
class StreamMemoryTest {

    private static final int ROWS = 60_000;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void exportDoesNotHoldRowsInMemory(Backend backend) throws Exception {
        try (Database database = backend.open(backend.newDatabaseUrl())) {
            BulkInsert.closedSessions(database, OffsetDateTime.of(2025, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC), 0, ROWS);
            JdbcTransactionLog log = new JdbcTransactionLog(database);
            long[] chars = new long[1];
            Writer sink = new BufferedWriter(new Writer() {
                @Override
                public void write(char[] buffer, int offset, int length) {
                    chars[0] += length;
                }

                @Override
                public void flush() {
                }

                @Override
                public void close() {
                }
            });
            TransactionCsvWriter csv = new TransactionCsvWriter(sink, TransactionCsvWriter.Style.COMMA, Map.of());
            long[] heap = new long[2];
            @SuppressWarnings("unchecked")
            WeakReference<Object>[] early = new WeakReference[1];
            csv.writeHeader();
            log.stream(TransactionQuery.ALL, t -> {
                csv.accept(t);
                long row = csv.rows();
                if (row == 100) {
                    early[0] = new WeakReference<>(t);
                } else if (row == 2_000) {
                    heap[0] = usedHeapAfterGc();
                } else if (row == ROWS - 2_000) {
                    heap[1] = usedHeapAfterGc();
                    assertThat(early[0].get()).as("row 100 was let go").isNull();
                }
            });
            sink.flush();

            assertThat(csv.rows()).isEqualTo(ROWS);
            assertThat(chars[0]).isGreaterThan(ROWS * 100L);
            // holding 56,000 more sessions would take well over 20 MB
            assertThat(heap[1] - heap[0]).as("heap growth over 56,000 rows, bytes").isLessThan(6L * 1024 * 1024);
        }
    }

    static long usedHeapAfterGc() {
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }
}
