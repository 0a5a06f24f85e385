package org.chargingmanager.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.chargingmanager.modbus}: optional; the defaults suit most sites. */
@ObjectClassDefinition(localization = "OSGI-INF/l10n/modbuslines", name = "%name", description = "%description")
public @interface ModbusLinesConfig {

    @AttributeDefinition(name = "%backoffInitialMillis.name", description = "%backoffInitialMillis.description")
    long backoffInitialMillis() default 1000;

    @AttributeDefinition(name = "%backoffMaxMillis.name", description = "%backoffMaxMillis.description")
    long backoffMaxMillis() default 60000;
}
