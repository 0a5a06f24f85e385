/**
 * Metering points: the grid connection, PV, a battery, a consumer. A driver registers one {@link org.chargingmanager.api.meter.Meter} service per meter, with the service properties {@link org.chargingmanager.api.meter.Meter#ID_PROPERTY} and {@link org.chargingmanager.api.meter.Meter#ROLE_PROPERTY}.
 */
@Export
@Version("1.1.0")
package org.chargingmanager.api.meter;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
