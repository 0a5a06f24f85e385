package org.chargingmanager.billing.internal.db;

/** The databases the billing bundle speaks to; the schema is the same, only a few type names differ. */
public enum Dialect {
    H2("VARBINARY"),
    POSTGRESQL("BYTEA");

    private final String bytesType;

    Dialect(String bytesType) {
        this.bytesType = bytesType;
    }

    /** Replaces the placeholders of the migration scripts. */
    String sql(String template) {
        return template.replace("${BYTES}", bytesType);
    }

    static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("unsupported JDBC URL (only jdbc:h2: and jdbc:postgresql: are supported): "
                + Database.redact(jdbcUrl));
    }
}
