/**
 * Charging plans: "this car needs 20 kWh by 07:00". A {@link org.chargingmanager.api.plan.ChargingPlans}
 * service (the core) keeps one plan per charging point, chooses the cheapest time slots that meet
 * the deadline within the house connection, the other plans and the unbalanced-load limit, and
 * reports each plan's state; a {@link org.chargingmanager.api.plan.SolarForecast} (optional, from a
 * forecast provider) lets it prefer hours with PV surplus.
 */
@Export
@Version("1.0.0")
package org.chargingmanager.api.plan;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
