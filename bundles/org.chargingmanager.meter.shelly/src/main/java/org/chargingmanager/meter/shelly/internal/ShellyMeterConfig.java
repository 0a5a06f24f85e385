package org.chargingmanager.meter.shelly.internal;

import org.chargingmanager.api.device.Phase;
import org.chargingmanager.api.meter.MeterRole;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: Shelly Pro 3EM / Pro EM meter",
        description = "A Shelly Pro 3EM (three phases) or Pro EM (one phase per channel) over its local HTTP RPC "
                + "interface. One configuration per meter.")
public @interface ShellyMeterConfig {

    @AttributeDefinition(name = "ID", description = "Unique ID of the meter, e.g. grid")
    String id();

    @AttributeDefinition(name = "Name", description = "Shown to users")
    String name() default "Shelly";

    @AttributeDefinition(name = "Role", description = "What the meter measures; a grid meter counts import as "
            + "positive (the clamps' arrows towards the house)")
    MeterRole role() default MeterRole.GRID;

    @AttributeDefinition(name = "Model")
    ShellyModel model() default ShellyModel.PRO_3EM;

    @AttributeDefinition(name = "Host", description = "IP address or host name of the meter")
    String host();

    @AttributeDefinition(name = "Port", description = "HTTP port of the meter", min = "1", max = "65535")
    int port() default 80;

    @AttributeDefinition(name = "Channel", description = "Pro EM only: which of its two channels, 0 or 1",
            min = "0", max = "1")
    int channel() default 0;

    @AttributeDefinition(name = "Grid phase", description = "Pro EM only: the grid phase the channel measures")
    Phase gridPhase() default Phase.L1;

    @AttributeDefinition(name = "Password", description = "The password set in the Shelly's web interface "
            + "(Settings > Authentication; the user is always admin). Empty when authentication is off. Stored as "
            + "the private property .password, never logged.", type = AttributeType.PASSWORD, required = false)
    String _password() default "";

    @AttributeDefinition(name = "Poll interval (ms)", description = "How often the meter is read", min = "500",
            max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "Timeout (ms)", description = "How long to wait for an answer", min = "100",
            max = "30000")
    int timeoutMillis() default 2000;
}
