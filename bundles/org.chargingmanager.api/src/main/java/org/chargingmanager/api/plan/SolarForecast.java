package org.chargingmanager.api.plan;

import java.util.List;

import org.osgi.annotation.versioning.ConsumerType;

/**
 * A PV production forecast for the site, from a forecast provider. The planner uses the one
 * with the highest {@code service.ranking}; without one it plans on prices alone.
 */
@ConsumerType
public interface SolarForecast {

    /** The forecast from now on, in time order without overlaps; never blocks, never {@code null}. */
    List<SolarSlot> slots();
}
