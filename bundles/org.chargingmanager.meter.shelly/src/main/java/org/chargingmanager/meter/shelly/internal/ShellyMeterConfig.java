package org.chargingmanager.meter.shelly.internal;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.meter.MeterRole;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(localization = "OSGI-INF/l10n/shelly", name = "%name", description = "%description")
public @interface ShellyMeterConfig {

    @AttributeDefinition(name = "%id.name", description = "%id.description")
    String id();

    @AttributeDefinition(name = "%name.name", description = "%name.description")
    String name() default "Shelly";

    @AttributeDefinition(name = "%role.name", description = "%role.description", options = {
            @Option(label = "%role.option.GRID", value = "GRID"),
            @Option(label = "%role.option.PV", value = "PV"),
            @Option(label = "%role.option.STORAGE", value = "STORAGE"),
            @Option(label = "%role.option.CONSUMER", value = "CONSUMER"),
            @Option(label = "%role.option.SUBDISTRIBUTION", value = "SUBDISTRIBUTION") })
    MeterRole role() default MeterRole.GRID;

    @AttributeDefinition(name = "%model.name", options = {
            @Option(label = "%model.option.PRO_3EM", value = "PRO_3EM"),
            @Option(label = "%model.option.PRO_EM", value = "PRO_EM") })
    ShellyModel model() default ShellyModel.PRO_3EM;

    @AttributeDefinition(name = "%host.name", description = "%host.description")
    String host();

    @AttributeDefinition(name = "%port.name", description = "%port.description", min = "1", max = "65535")
    int port() default 80;

    @AttributeDefinition(name = "%channel.name", description = "%channel.description", min = "0", max = "1")
    int channel() default 0;

    @AttributeDefinition(name = "%gridPhase.name", description = "%gridPhase.description", options = {
            @Option(label = "%gridPhase.option.L1", value = "L1"),
            @Option(label = "%gridPhase.option.L2", value = "L2"),
            @Option(label = "%gridPhase.option.L3", value = "L3") })
    Phase gridPhase() default Phase.L1;

    @AttributeDefinition(name = "%_password.name", description = "%_password.description", type = AttributeType.PASSWORD, required = false)
    String _password() default "";

    @AttributeDefinition(name = "%pollIntervalMillis.name", description = "%pollIntervalMillis.description", min = "500", max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "%timeoutMillis.name", description = "%timeoutMillis.description", min = "100", max = "30000")
    int timeoutMillis() default 2000;
}
