package org.chargingmanager.billing.internal.db;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/database", name = "%name", description = "%description")
public @interface DatabaseConfig {

    @AttributeDefinition(name = "%jdbcUrl.name", required = false, description = "%jdbcUrl.description")
    String jdbcUrl() default "";

    @AttributeDefinition(name = "%user.name", required = false, description = "%user.description")
    String user() default "";

    @AttributeDefinition(name = "%_password.name", type = AttributeType.PASSWORD, required = false, description = "%_password.description")
    String _password() default "";

    @AttributeDefinition(name = "%maxPoolSize.name", min = "1", max = "50")
    int maxPoolSize() default 5;
}
