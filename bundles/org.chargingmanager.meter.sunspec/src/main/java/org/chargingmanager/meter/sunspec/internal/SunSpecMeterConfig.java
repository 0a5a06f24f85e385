package org.chargingmanager.meter.sunspec.internal;

import org.chargingmanager.api.meter.MeterRole;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: SunSpec inverter or meter",
        description = "A PV or battery inverter or a meter that speaks SunSpec over Modbus TCP (Fronius, SMA, "
                + "SolarEdge, Kostal, Huawei and others; enable Modbus TCP / SunSpec on the device). One configuration "
                + "per device.")
public @interface SunSpecMeterConfig {

    @AttributeDefinition(name = "ID", description = "Unique ID of the meter, e.g. pv-roof")
    String id();

    @AttributeDefinition(name = "Name", description = "Shown to users")
    String name() default "SunSpec";

    @AttributeDefinition(name = "Role", description = "PV or STORAGE for an inverter (production positive), GRID "
            + "etc. for a meter")
    MeterRole role() default MeterRole.PV;

    @AttributeDefinition(name = "Model", description = "Which model of the device to read")
    SunSpecSource source() default SunSpecSource.AUTO;

    @AttributeDefinition(name = "Host", description = "IP address or host name of the device")
    String host();

    @AttributeDefinition(name = "Port", description = "Modbus TCP port", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "Unit ID", description = "Fronius 1 (inverter), 200/240 (meter); SMA 3 (126 for "
            + "SunSpec on some); SolarEdge 1", min = "0", max = "255")
    int unitId() default 1;

    @AttributeDefinition(name = "Poll interval (ms)", min = "500", max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "Timeout (ms)", min = "100", max = "30000")
    int timeoutMillis() default 2000;
}
