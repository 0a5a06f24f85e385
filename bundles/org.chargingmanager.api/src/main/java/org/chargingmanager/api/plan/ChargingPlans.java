package org.chargingmanager.api.plan;

import java.io.IOException;
import java.util.List;
import java.util.Optional;

import org.osgi.annotation.versioning.ProviderType;

/**
 * The charging plans, one per charging point at most, provided by the core bundle. Plans are
 * stored in the data directory and survive a restart; the load manager re-plans when prices, the
 * car or the site change, and a plan ends when its energy is charged, its deadline passes or the
 * car is unplugged after charging.
 */
@ProviderType
public interface ChargingPlans {

    /** Every plan with its latest state, by charging point ID. */
    List<ChargingPlanStatus> plans();

    /** The plan of one charging point. */
    Optional<ChargingPlanStatus> plan(String evseId);

    /**
     * Sets (or replaces) the plan of a charging point.
     *
     * @param user who sets it, for the log
     * @throws IllegalArgumentException if the deadline has passed
     * @throws IOException if it cannot be stored
     */
    ChargingPlanStatus setPlan(ChargingPlanRequest request, String user) throws IOException;

    /**
     * Removes the plan of a charging point; it charges by its charging mode again.
     *
     * @return whether there was one
     * @throws IOException if the change cannot be stored
     */
    boolean removePlan(String evseId, String user) throws IOException;
}
