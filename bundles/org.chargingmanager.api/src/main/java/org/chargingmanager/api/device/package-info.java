/**
 * What every device driver shares: the identity of a device (vendor, model, serial, firmware), the grid phases, values per phase and how a device's phases are wired to the grid's.
 *
 * <p>Units are part of every name ({@code currentMilliamps}, {@code powerWatts}, {@code voltageVolts}).
 */
@Export
@Version("1.0.0")
package org.chargingmanager.api.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
