package org.chargingmanager.billing.internal.db;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: billing database",
        description = "Where users and the transaction log are stored. Leave the JDBC URL empty for the embedded H2 "
                + "database in data/db/; enter a PostgreSQL URL such as jdbc:postgresql://db.example.org:5432/chargingmanager "
                + "for larger sites. The schema is created and migrated at start.")
public @interface DatabaseConfig {

    @AttributeDefinition(name = "JDBC URL", required = false,
            description = "Empty: embedded H2 under data/db/billing. Otherwise jdbc:postgresql://host:port/database "
                    + "(or jdbc:h2:... for a different H2 file)")
    String jdbcUrl() default "";

    @AttributeDefinition(name = "User", required = false, description = "Database user (PostgreSQL)")
    String user() default "";

    @AttributeDefinition(name = "Password", type = AttributeType.PASSWORD, required = false,
            description = "Database password (PostgreSQL); never logged. The property is named '.password': "
                    + "properties starting with a dot are not copied into service properties")
    String _password() default "";

    @AttributeDefinition(name = "Connection pool size", min = "1", max = "50")
    int maxPoolSize() default 5;
}
