package org.chargingmanager.gridsignal.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/controlinterface", name = "%name", description = "%description")
public @interface ControlInterfaceConfig {

    @AttributeDefinition(name = "%port.name", description = "%port.description", min = "0", max = "65535")
    int port() default 0;

    @AttributeDefinition(name = "%bindAddress.name", description = "%bindAddress.description")
    String bindAddress() default "0.0.0.0";

    @AttributeDefinition(name = "%unitId.name", description = "%unitId.description", min = "1", max = "247")
    int unitId() default 1;

    @AttributeDefinition(name = "%allowedClients.name", required = false, description = "%allowedClients.description")
    String[] allowedClients() default {};

    @AttributeDefinition(name = "%variable.name", description = "%variable.description")
    String variable() default "MODBUS_LIMIT";

    @AttributeDefinition(name = "%chargingPowerExpression.name", description = "%chargingPowerExpression.description")
    String chargingPowerExpression() default "evses.power";

    @AttributeDefinition(name = "%gridPowerExpression.name", description = "%gridPowerExpression.description")
    String gridPowerExpression() default "grid.power";

    @AttributeDefinition(name = "%lostAfterSeconds.name", description = "%lostAfterSeconds.description", min = "0")
    int lostAfterSeconds() default 0;

    @AttributeDefinition(name = "%failsafeLimitPercent.name", min = "0", max = "100")
    double failsafeLimitPercent() default 60;

    @AttributeDefinition(name = "%failsafeMinimumSeconds.name", min = "0")
    int failsafeMinimumSeconds() default 7200;
}
