/**
 * The core model of the charging manager: the services that drivers, the load manager,
 * the OCPP server and gateway, the Eichrecht checker and the web UI share.
 *
 * <p>Units are part of every name ({@code currentMilliamps}, {@code powerWatts},
 * {@code energyWattHours}); time is {@link java.time.Instant} or
 * {@link java.time.OffsetDateTime} where the local offset matters for billing.
 *
 * <p>Drivers register one {@link org.chargingmanager.api.Evse} service per charging point and
 * one {@link org.chargingmanager.api.Meter} service per metering point. Everything else
 * finds them through the OSGi service registry.
 */
@Export
@Version("1.1.0")
package org.chargingmanager.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
