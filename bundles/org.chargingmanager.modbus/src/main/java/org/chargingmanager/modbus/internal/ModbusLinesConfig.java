package org.chargingmanager.modbus.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** Configuration PID {@code org.chargingmanager.modbus}: optional; the defaults suit most sites. */
@ObjectClassDefinition(name = "Charging Manager: Modbus lines",
        description = "The shared Modbus TCP and RTU connections of all Modbus drivers. A line that cannot be "
                + "connected is tried again after a delay that doubles from the first to the longest back-off.")
public @interface ModbusLinesConfig {

    @AttributeDefinition(name = "First back-off (ms)", description = "Wait after the first failed connect")
    long backoffInitialMillis() default 1000;

    @AttributeDefinition(name = "Longest back-off (ms)", description = "The wait doubles up to this")
    long backoffMaxMillis() default 60000;
}
