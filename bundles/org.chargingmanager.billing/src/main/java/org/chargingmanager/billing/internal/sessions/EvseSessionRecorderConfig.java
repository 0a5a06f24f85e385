package org.chargingmanager.billing.internal.sessions;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: sessions of wallboxes without OCPP",
        description = "Opens a transaction when a car is plugged in (or starts charging) at a charging point whose "
                + "driver does not report transactions itself, and closes it when the car is unplugged.")
public @interface EvseSessionRecorderConfig {

    @AttributeDefinition(name = "Enabled")
    boolean enabled() default true;

    @AttributeDefinition(name = "Drivers with their own transactions", description = "Charging points of these "
            + "drivers (service property chargingmanager.driver) are left alone, as are those whose driver says it "
            + "records its own sessions (OCPP: Start/StopTransaction)")
    String[] ignoredDrivers() default { "ocpp" };

    @AttributeDefinition(name = "Poll interval (ms)", min = "100")
    long pollMillis() default 1000;
}
