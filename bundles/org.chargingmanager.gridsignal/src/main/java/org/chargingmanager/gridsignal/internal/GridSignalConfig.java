package org.chargingmanager.gridsignal.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: grid signals and restriction log",
        description = "Turns the signals of the grid operator (smart meter gateway, §14a control box, ripple control, "
                + "Modbus control box) into variables, applies the failsafe limit of a lost source and logs every "
                + "restriction with the power drawn.")
public @interface GridSignalConfig {

    @AttributeDefinition(name = "Evaluation interval (ms)", description = "How often every source is evaluated; a "
            + "source that changes is evaluated at once", min = "50", max = "5000")
    int tickMillis() default 250;

    @AttributeDefinition(name = "Power drawn (expression)", description = "What the restriction log records as the "
            + "power drawn, in W: by default the power at the grid meter", required = false)
    String powerExpression() default "grid.power";

    @AttributeDefinition(name = "Keep the log (days)", description = "Restrictions are kept at least this long; "
            + "at least 730 (2 years)", min = "730")
    int retentionDays() default 1095;

    @AttributeDefinition(name = "Log database: JDBC URL", required = false, description = "Empty: embedded H2 file "
            + "data/db/gridsignal. Otherwise jdbc:postgresql://host:port/database or jdbc:h2:...")
    String jdbcUrl() default "";

    @AttributeDefinition(name = "Log database: user", required = false)
    String user() default "";

    @AttributeDefinition(name = "Log database: password", type = AttributeType.PASSWORD, required = false,
            description = "Never logged. The property is named '.password' so it is not copied into service properties")
    String _password() default "";
}
