package org.chargingmanager.meter.sunspec.internal;

import org.chargingmanager.api.meter.MeterRole;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/sunspec", name = "%name", description = "%description")
public @interface SunSpecMeterConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name() default "SunSpec";

    @AttributeDefinition(name = "%role.name", description = "%role.description", options = {
            @Option(label = "%role.option.GRID", value = "GRID"),
            @Option(label = "%role.option.PV", value = "PV"),
            @Option(label = "%role.option.STORAGE", value = "STORAGE"),
            @Option(label = "%role.option.CONSUMER", value = "CONSUMER"),
            @Option(label = "%role.option.SUBDISTRIBUTION", value = "SUBDISTRIBUTION") })
    MeterRole role() default MeterRole.PV;

    @AttributeDefinition(name = "%source.name", description = "%source.description", options = {
            @Option(label = "%source.option.AUTO", value = "AUTO"),
            @Option(label = "%source.option.INVERTER", value = "INVERTER"),
            @Option(label = "%source.option.METER", value = "METER") })
    SunSpecSource source() default SunSpecSource.AUTO;

    @AttributeDefinition(name = "%host.name", description = "%host.description")
    String host();

    @AttributeDefinition(name = "%port.name", description = "%port.description", min = "1", max = "65535")
    int port() default 502;

    @AttributeDefinition(name = "%unitId.name", description = "%unitId.description", min = "0", max = "255")
    int unitId() default 1;

    @AttributeDefinition(name = "%pollIntervalMillis.name", min = "500", max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "%timeoutMillis.name", min = "100", max = "30000")
    int timeoutMillis() default 2000;
}
