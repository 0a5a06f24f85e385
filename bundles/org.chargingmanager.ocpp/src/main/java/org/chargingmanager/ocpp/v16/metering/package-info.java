/**
 * Sampled meter values of MeterValues and StopTransaction turned into numbers in base units
 * (W, Wh, A, V, var, varh, °C, %, Hz), per measurand and phase. Pure functions.
 */
@Export
@Version("1.0.0")
package org.chargingmanager.ocpp.v16.metering;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
