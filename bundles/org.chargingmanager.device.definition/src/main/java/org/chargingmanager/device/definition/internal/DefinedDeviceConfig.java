package org.chargingmanager.device.definition.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.chargingmanager.api.meter.MeterRole;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: device from a definition file",
        description = "A Modbus or HTTP/JSON meter or wallbox described in a JSON definition file (see "
                + "docs/devices-from-files.md). One configuration per device; several devices may share a definition.")
public @interface DefinedDeviceConfig {

    @AttributeDefinition(name = "ID", description = "Unique ID of the meter or charging point")
    String id();

    @AttributeDefinition(name = "Name", description = "Shown to users")
    String name() default "";

    @AttributeDefinition(name = "Definition file", description = "Path of the JSON definition; a relative path is "
            + "taken from the directory of this configuration's file (etc/), else from the runtime's directory")
    String definition();

    @AttributeDefinition(name = "Host", description = "IP address or host name of the device")
    String host();

    @AttributeDefinition(name = "Port", description = "0: 502 for Modbus, 80 for HTTP", min = "0", max = "65535")
    int port() default 0;

    @AttributeDefinition(name = "Unit ID", description = "Modbus only", min = "0", max = "255")
    int unitId() default 1;

    @AttributeDefinition(name = "Role", description = "Meters only")
    MeterRole role() default MeterRole.CONSUMER;

    @AttributeDefinition(name = "Phases", description = "Wallboxes only", options = {
        @Option(label = "1 phase", value = "1"), @Option(label = "3 phases", value = "3") })
    int phases() default 3;

    @AttributeDefinition(name = "Phase rotation", description = "Wallboxes only")
    PhaseRotation phaseRotation() default PhaseRotation.L1_L2_L3;

    @AttributeDefinition(name = "Minimum current (A)", description = "Wallboxes only", min = "6", max = "32")
    double minCurrentAmps() default 6;

    @AttributeDefinition(name = "Maximum current (A)", description = "Wallboxes only", min = "6", max = "63")
    double maxCurrentAmps() default 16;

    @AttributeDefinition(name = "Poll interval (ms)", min = "200", max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "Timeout (ms)", min = "100", max = "30000")
    int timeoutMillis() default 1000;
}
