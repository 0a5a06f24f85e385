/**
 * Charging points. A driver (simulator, OCPP, Modbus, HTTP, UDP) registers one {@link org.chargingmanager.api.evse.Evse} service per charging point (and a {@link org.chargingmanager.api.evse.ChargingCap} where somebody else bounds its current), with its {@link org.chargingmanager.api.evse.EvseInfo} (identity and {@link org.chargingmanager.api.evse.EvseCapabilities capabilities}); the load manager reads its {@link org.chargingmanager.api.evse.EvseSnapshot} and sends it a {@link org.chargingmanager.api.evse.ChargingLimit}.
 */
@Export
@Version("1.1.0")
package org.chargingmanager.api.evse;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
