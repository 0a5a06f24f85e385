/**
 * Grid signals: what the grid operator or the energy supplier demands of the site (the smart meter gateway's
 * {@code AVAIL}, a §14a control box, a ripple-control receiver, a Modbus control box, later EEBus LPC). Each
 * source registers a {@link org.chargingmanager.api.grid.GridSignalSource} service; the grid-signal service
 * turns its signal into a variable that the house formula reads, applies the source's failsafe limit when the
 * source is lost and records every restriction in the {@link org.chargingmanager.api.grid.GridSignals#restrictions
 * restriction log}.
 */
@Export
@Version("1.0.0")
package org.chargingmanager.api.grid;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
