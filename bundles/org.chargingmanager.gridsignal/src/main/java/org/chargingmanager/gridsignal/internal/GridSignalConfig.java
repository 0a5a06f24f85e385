package org.chargingmanager.gridsignal.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/gridsignal", name = "%name", description = "%description")
public @interface GridSignalConfig {

    @AttributeDefinition(name = "%tickMillis.name", description = "%tickMillis.description", min = "50", max = "5000")
    int tickMillis() default 250;

    @AttributeDefinition(name = "%powerExpression.name", description = "%powerExpression.description", required = false)
    String powerExpression() default "grid.power";

    @AttributeDefinition(name = "%retentionDays.name", description = "%retentionDays.description", min = "730")
    int retentionDays() default 1095;

    @AttributeDefinition(name = "%jdbcUrl.name", required = false, description = "%jdbcUrl.description")
    String jdbcUrl() default "";

    @AttributeDefinition(name = "%user.name", required = false)
    String user() default "";

    @AttributeDefinition(name = "%_password.name", type = AttributeType.PASSWORD, required = false, description = "%_password.description")
    String _password() default "";
}
