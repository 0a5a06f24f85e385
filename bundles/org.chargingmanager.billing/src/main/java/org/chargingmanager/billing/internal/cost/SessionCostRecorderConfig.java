package org.chargingmanager.billing.internal.cost;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "Charging Manager: cost per session",
        description = "Reads the energy register of every charging point and shares the energy of its open session "
                + "among the price slots of the site's tariff (the one with the highest ranking), so a session's "
                + "cost uses the price valid when the energy was drawn.")
public @interface SessionCostRecorderConfig {

    @AttributeDefinition(name = "Enabled")
    boolean enabled() default true;

    @AttributeDefinition(name = "Poll interval (ms)", min = "100")
    long pollMillis() default 1000;

    @AttributeDefinition(name = "Longest reading interval (s)", description = "While energy flows, a reading is "
            + "stored at least this often, and at every price slot boundary", min = "10", max = "900")
    int maxReadingSeconds() default 60;
}
