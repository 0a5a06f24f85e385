package org.chargingmanager.wallbox.goe.internal;

import org.chargingmanager.api.device.PhaseRotation;
import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;
import org.osgi.service.metatype.annotations.Option;

@ObjectClassDefinition(name = "Charging Manager: go-e Charger wallbox",
        description = "A go-e Charger (HOME+, HOME Fix, Gemini, Gemini flex) over its local HTTP API: enable "
                + "\"HTTP API v2\" (or, on old firmware, \"HTTP API v1\") in the go-e app under Internet > Advanced "
                + "settings. One configuration per wallbox.")
public @interface GoeWallboxConfig {

    @AttributeDefinition(name = "ID", description = "Unique ID of the charging point, used in the transaction log "
            + "and the HTTP API, e.g. goe-carport")
    String id();

    @AttributeDefinition(name = "Name", description = "Shown to users")
    String name() default "go-e Charger";

    @AttributeDefinition(name = "Host", description = "IP address or host name of the wallbox in the local network")
    String host();

    @AttributeDefinition(name = "Port", description = "HTTP port of the wallbox", min = "1", max = "65535")
    int port() default 80;

    @AttributeDefinition(name = "API version", description = "Automatic: API v2 when the box answers it, "
            + "otherwise v1")
    GoeApiVersion apiVersion() default GoeApiVersion.AUTO;

    @AttributeDefinition(name = "Phases", description = "How many phases the wallbox is wired with",
            options = { @Option(label = "1 phase", value = "1"), @Option(label = "3 phases", value = "3") })
    int phases() default 3;

    @AttributeDefinition(name = "Phase rotation", description = "Which grid phase the wallbox's phase 1 is "
            + "connected to")
    PhaseRotation phaseRotation() default PhaseRotation.L1_L2_L3;

    @AttributeDefinition(name = "Minimum current (A)", description = "The smallest current a car charges with",
            min = "6", max = "32")
    double minCurrentAmps() default 6;

    @AttributeDefinition(name = "Maximum current (A)", description = "The largest current per phase the wallbox "
            + "is installed for (16 A for 11 kW, 32 A for 22 kW)", min = "6", max = "32")
    double maxCurrentAmps() default 16;

    @AttributeDefinition(name = "Poll interval (ms)", description = "How often the wallbox is read",
            min = "500", max = "60000")
    int pollIntervalMillis() default 1000;

    @AttributeDefinition(name = "Timeout (ms)", description = "How long to wait for an answer", min = "100",
            max = "30000")
    int timeoutMillis() default 2000;
}
