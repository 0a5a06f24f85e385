package org.chargingmanager.benchmarks.billing;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.Map;
import java.util.stream.Stream;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.billing.TransactionQuery;
import org.chargingmanager.api.billing.TransactionStart;
import org.chargingmanager.api.billing.TransactionStop;
import org.chargingmanager.billing.internal.db.Database;
import org.chargingmanager.billing.internal.log.JdbcTransactionLog;
import org.chargingmanager.billing.internal.web.TransactionCsvWriter;

/**
 * The transaction log on the embedded H2 database, in a JVM with a small heap:
 * <ol>
 * <li>bulk insert of N closed sessions (JDBC batches of 1,000, the production schema and indexes);
 * <li>durable start + stop of M sessions through {@link JdbcTransactionLog} (one commit each, as
 * the OCPP server uses it);
 * <li>CSV export (the production {@link TransactionCsvWriter} over {@code stream}) of 10,000,
 * of E and of all sessions into a sink that only counts, with the heap measured.
 * </ol>
 * Arguments: database directory, N, E, M.
 */
public final class TransactionLogBenchmark {

    /** Rows per commit of the bulk insert. */
    private static final int BATCH = Integer.getInteger("batch", 1000);
    private static final OffsetDateTime T0 = OffsetDateTime.of(2020, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(1));

    private TransactionLogBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        // a directory for the embedded H2 database, unless -Dbenchmark.jdbcUrl=... (+ user, password)
        Path directory = Paths.get(args[0]);
        String configured = System.getProperty("benchmark.jdbcUrl", "");
        String url = configured.isBlank() ? Database.h2Url(directory) : configured;
        int total = Integer.parseInt(args[1]);
        int export = Integer.parseInt(args[2]);
        int durable = Integer.parseInt(args[3]);
        deleteRecursively(directory);
        Files.createDirectories(directory);
        System.out.printf("billing benchmark: %s, max heap %d MB, %s %s%n", url,
                Runtime.getRuntime().maxMemory() / (1024 * 1024), System.getProperty("java.vm.name"),
                System.getProperty("java.version"));
        // The bulk import that seeds the log commits batches of 1,000 rows and does not force
        // each one to the device: it is not the durable path, which is measured below through
        // the API (one commit and CHECKPOINT SYNC per start and per stop).
        long begin = System.nanoTime();
        try (Database database = database(url)) {
            bulkInsert(database, total);
        }
        double insertSeconds = seconds(begin);
        System.out.printf("insert: %,d transactions in %.1f s (%,.0f per second, %,d per commit), database file %,d MB%n",
                total, insertSeconds, total / insertSeconds, BATCH, size(directory) / (1024 * 1024));
        try (Database database = database(url)) {
            JdbcTransactionLog log = new JdbcTransactionLog(database);

            begin = System.nanoTime();
            OffsetDateTime start = T0.plusYears(10);
            for (int i = 0; i < durable; i++) {
                Transaction t = log.start(new TransactionStart("durable-" + (i % 10), "CB", 1, "u", "TAG",
                        start.plusMinutes(i), i * 1000L));
                log.stop(t.id(), new TransactionStop(start.plusMinutes(i).plusSeconds(30), i * 1000L + 500, "Local"));
            }
            double durableSeconds = seconds(begin);
            System.out.printf("durable start+stop through the API: %,d sessions in %.1f s (%.2f ms per commit),"
                    + " database file %,d MB%n", durable, durableSeconds, durableSeconds * 1000 / (2.0 * durable),
                    size(directory) / (1024 * 1024));

            for (int rows : new int[] { 10_000, export, total }) {
                if (rows <= total) {
                    exportCsv(log, rows);
                }
            }
        }
        System.out.printf("database file after close: %,d MB%n", size(directory) / (1024 * 1024));
    }

    private static Database database(String url) throws java.sql.SQLException {
        return new Database(url, System.getProperty("benchmark.user", ""), System.getProperty("benchmark.password", ""),
                4);
    }

    private static void bulkInsert(Database database, int total) throws Exception {
        try (Connection connection = database.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            try (PreparedStatement insert = connection.prepareStatement("INSERT INTO cm_transaction"
                    + " (evse_id, charge_box_id, connector_id, user_id, id_tag, start_at, start_offset_seconds,"
                    + " meter_start_wh, end_at, end_offset_seconds, meter_stop_wh, stop_reason, signature_status,"
                    + " signed_value_count, recorded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'NONE', 0, ?)")) {
                for (int i = 0; i < total; i++) {
                    OffsetDateTime start = T0.plusMinutes(i * 5L);
                    insert.setString(1, "garage-" + (i % 50));
                    insert.setString(2, "CB" + (i % 50));
                    insert.setInt(3, 1);
                    insert.setString(4, "user-" + (i % 200));
                    insert.setString(5, "04A1B2" + (i % 200));
                    insert.setObject(6, start.withOffsetSameInstant(ZoneOffset.UTC));
                    insert.setInt(7, 3600);
                    insert.setLong(8, i * 10_000L);
                    insert.setObject(9, start.plusMinutes(4).withOffsetSameInstant(ZoneOffset.UTC));
                    insert.setInt(10, 3600);
                    insert.setLong(11, i * 10_000L + 7_654);
                    insert.setString(12, "EVDisconnected");
                    insert.setObject(13, start.withOffsetSameInstant(ZoneOffset.UTC));
                    insert.addBatch();
                    if (i % BATCH == BATCH - 1) {
                        insert.executeBatch();
                        connection.commit();
                    }
                }
                insert.executeBatch();
                connection.commit();
            }
        }
    }

    /** Exports the first {@code rows} sessions (by a time window) and reports time and heap. */
    private static void exportCsv(JdbcTransactionLog log, int rows) throws Exception {
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
        }, 16 * 1024);
        TransactionCsvWriter csv = new TransactionCsvWriter(sink, TransactionCsvWriter.Style.COMMA, Map.of());
        TransactionQuery query = new TransactionQuery(T0.toInstant(), T0.plusMinutes(rows * 5L).toInstant(), null, null,
                0, 0);
        long baseline = usedAfterGc();
        long[] maxRetained = new long[1];
        int checkpoint = Math.max(1, rows / 10);
        resetPeaks();
        long begin = System.nanoTime();
        csv.writeHeader();
        log.stream(query, t -> {
            csv.accept(t);
            if (csv.rows() % checkpoint == 0) {
                maxRetained[0] = Math.max(maxRetained[0], usedAfterGc());
            }
        });
        sink.flush();
        double exportSeconds = seconds(begin);
        long peak = peakHeap();
        if (csv.rows() != rows) {
            throw new IllegalStateException("exported " + csv.rows() + " rows, expected " + rows);
        }
        System.out.printf("export: %,d rows, %,d MB of CSV in %.1f s (%,.0f rows per second, incl. 10 forced GCs);"
                + " heap used after GC: %.1f MB before, at most %.1f MB during; peak heap used %.1f MB%n", rows,
                chars[0] / (1024 * 1024), exportSeconds, rows / exportSeconds, mb(baseline), mb(maxRetained[0]), mb(peak));
    }

    private static long usedAfterGc() {
        System.gc();
        System.gc();
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static void resetPeaks() {
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                pool.resetPeakUsage();
            }
        }
    }

    /** The sum of the heap pools' peaks since {@link #resetPeaks()}: an upper bound of the peak heap. */
    private static long peakHeap() {
        long sum = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                sum += pool.getPeakUsage().getUsed();
            }
        }
        return sum;
    }

    private static double mb(long bytes) {
        return bytes / (1024.0 * 1024.0);
    }

    private static double seconds(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e9;
    }

    private static long size(Path directory) throws IOException {
        try (Stream<Path> files = Files.walk(directory)) {
            return files.filter(Files::isRegularFile).mapToLong(file -> file.toFile().length()).sum();
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }
}
