package org.chargingmanager.billing.internal.db;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.regex.Pattern;

import javax.sql.DataSource;

import org.postgresql.ds.PGSimpleDataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The billing database: a connection pool over the embedded H2 file {@code data/db/billing} or
 * over PostgreSQL, with the schema migrated to the newest version when it is opened. The
 * drivers' data sources are created directly, not through {@code DriverManager}, which does not
 * work across bundle class loaders. {@link DatabaseConnector} opens it and offers it as a
 * service.
 */
public class Database implements AutoCloseable {

    public static final String PID = "org.chargingmanager.billing.database";
    /**
     * H2 keeps its default write delay (its background thread also compacts the file); every
     * change that is acknowledged is made durable by {@link #flush(Connection)} instead.
     */
    static final String H2_OPTIONS = "";
    private static final Logger LOG = LoggerFactory.getLogger(Database.class);
    private static final Pattern PASSWORD_IN_URL = Pattern.compile("(?i)(password=)[^&;]*");

    private final HikariDataSource dataSource;
    private final Dialect dialect;
    private final String description;
    private final String jdbcUrl;
    private final String user;
    private final GroupFlush groupFlush = new GroupFlush();

    public Database(String jdbcUrl, String user, String password, int maxPoolSize) throws SQLException {
        this.dialect = Dialect.of(jdbcUrl);
        this.jdbcUrl = jdbcUrl;
        this.user = user;
        this.description = dialect + " " + redact(jdbcUrl) + (user == null || user.isBlank() ? "" : " as " + user);
        HikariConfig hikari = new HikariConfig();
        hikari.setPoolName("chargingmanager-billing");
        hikari.setMaximumPoolSize(Math.max(1, maxPoolSize));
        hikari.setMinimumIdle(1);
        hikari.setDataSource(driverDataSource(dialect, jdbcUrl, user, password));
        hikari.setAutoCommit(true);
        try {
            this.dataSource = new HikariDataSource(hikari);
        } catch (RuntimeException e) {
            throw new SQLException("cannot connect to the billing database " + description + ": " + e.getMessage(), e);
        }
        try {
            migrate();
        } catch (SQLException | RuntimeException e) {
            dataSource.close();
            throw e;
        }
        LOG.info("Billing database {} ready, schema version {}", description, Migrations.ALL.size());
    }

    /** The embedded H2 database file {@code billing} in {@code directory}. */
    public static String h2Url(Path directory) {
        return "jdbc:h2:file:" + directory.toAbsolutePath().resolve("billing") + H2_OPTIONS;
    }

    private static DataSource driverDataSource(Dialect dialect, String url, String user, String password) {
        switch (dialect) {
        case H2: {
            org.h2.jdbcx.JdbcDataSource h2 = new org.h2.jdbcx.JdbcDataSource();
            h2.setURL(url);
            h2.setUser(user == null ? "" : user);
            h2.setPassword(password == null ? "" : password);
            return h2;
        }
        case POSTGRESQL: {
            PGSimpleDataSource postgres = new PGSimpleDataSource();
            postgres.setURL(url);
            if (user != null && !user.isBlank()) {
                postgres.setUser(user);
            }
            if (password != null && !password.isEmpty()) {
                postgres.setPassword(password);
            }
            return postgres;
        }
        default:
            throw new IllegalArgumentException(dialect.toString());
        }
    }

    /** A JDBC URL fit for a log: any {@code password=...} parameter is masked. */
    static String redact(String jdbcUrl) {
        return PASSWORD_IN_URL.matcher(jdbcUrl).replaceAll("$1***");
    }

    private void migrate() throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute(Migrations.VERSION_TABLE);
                connection.commit();
                if (dialect == Dialect.POSTGRESQL) {
                    // two runtimes starting at once on the same database migrate one after the other
                    statement.execute("LOCK TABLE cm_schema_version IN EXCLUSIVE MODE");
                }
                int current = currentVersion(connection);
                for (Migrations.Migration migration : Migrations.ALL) {
                    if (migration.version() <= current) {
                        continue;
                    }
                    for (String sql : migration.statements()) {
                        statement.execute(dialect.sql(sql));
                    }
                    try (PreparedStatement insert = connection.prepareStatement(
                            "INSERT INTO cm_schema_version (version, description, applied_at) VALUES (?, ?, ?)")) {
                        insert.setInt(1, migration.version());
                        insert.setString(2, migration.description());
                        insert.setObject(3, OffsetDateTime.now(ZoneOffset.UTC));
                        insert.executeUpdate();
                    }
                    LOG.info("Billing database {}: migrated the schema to version {} ({})", description,
                            migration.version(), migration.description());
                }
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    static int currentVersion(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery("SELECT MAX(version) FROM cm_schema_version")) {
            result.next();
            return result.getInt(1);
        }
    }

    /**
     * Makes what {@code connection} committed durable before the caller acknowledges it. On H2
     * a commit only reaches the file with the next background write (up to 500 ms later, lost
     * if the process is killed): {@code CHECKPOINT SYNC} writes it and forces it to the device.
     * PostgreSQL is durable at commit ({@code synchronous_commit = on}).
     * <p>
     * Commits that arrive together share one {@code CHECKPOINT SYNC} ({@link GroupFlush}): under a
     * burst of StartTransactions the device's sync time is paid once per group, not per commit.
     */
    public void flush(Connection connection) throws SQLException {
        if (dialect == Dialect.H2) {
            groupFlush.awaitDurable(() -> {
                try (Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT SYNC");
                }
            });
        }
    }

    /**
     * {@link #flush(Connection)} for a caller that has already given its connection back to the
     * pool: one is taken only if this caller's commit is not yet covered by another's flush, so a
     * group of waiting callers holds no pool connections.
     */
    public void flush() throws SQLException {
        if (dialect == Dialect.H2) {
            groupFlush.awaitDurable(() -> {
                try (Connection connection = dataSource.getConnection();
                        Statement statement = connection.createStatement()) {
                    statement.execute("CHECKPOINT SYNC");
                }
            });
        }
    }

    /** How many {@code CHECKPOINT SYNC}s ran (H2 only), for tests and benchmarks. */
    long flushes() {
        return groupFlush.flushes();
    }

    public DataSource dataSource() {
        return dataSource;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The JDBC URL as configured (it may hold a password: {@link #redact} it for logs). */
    public String jdbcUrl() {
        return jdbcUrl;
    }

    public String user() {
        return user;
    }

    /** The database for logs: kind, URL without password, user. */
    public String description() {
        return description;
    }

    @Override
    public void close() {
        dataSource.close();
        LOG.info("Billing database {} closed", description);
    }
}
