/**
 * What every device driver shares: the identity of a device (vendor, model, serial, firmware), the grid phases, values per phase, how a device's phases are wired to the grid's, the staleness rule and an energy counter that never goes backwards.
 *
 * <p>Units are part of every name ({@code currentMilliamps}, {@code powerWatts}, {@code voltageVolts}).
 */
@Export
@Version("1.2.0")
package org.chargingmanager.api.device;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
