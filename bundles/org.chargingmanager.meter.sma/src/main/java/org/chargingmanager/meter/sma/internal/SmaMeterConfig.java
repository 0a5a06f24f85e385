package org.chargingmanager.meter.sma.internal;

import org.chargingmanager.api.meter.MeterRole;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/sma", name = "%name", description = "%description")
public @interface SmaMeterConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name() default "SMA Energy Meter";

    @AttributeDefinition(name = "%role.name", description = "%role.description", options = {
            @Option(label = "%role.option.GRID", value = "GRID"),
            @Option(label = "%role.option.PV", value = "PV"),
            @Option(label = "%role.option.STORAGE", value = "STORAGE"),
            @Option(label = "%role.option.CONSUMER", value = "CONSUMER"),
            @Option(label = "%role.option.SUBDISTRIBUTION", value = "SUBDISTRIBUTION") })
    MeterRole role() default MeterRole.GRID;

    @AttributeDefinition(name = "%serialNumber.name", description = "%serialNumber.description")
    long serialNumber() default 0;

    @AttributeDefinition(name = "%multicastGroup.name", description = "%multicastGroup.description")
    String multicastGroup() default "239.12.255.254";

    @AttributeDefinition(name = "%port.name", description = "%port.description", min = "1", max = "65535")
    int port() default 9522;

    @AttributeDefinition(name = "%networkInterface.name", description = "%networkInterface.description")
    String networkInterface() default "";
}
