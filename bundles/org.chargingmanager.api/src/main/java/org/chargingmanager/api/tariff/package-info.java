/**
 * Electricity prices: a {@link org.chargingmanager.api.tariff.Tariff} gives the price per kWh now
 * and a forecast of price slots, for import and feed-in; provided by tariff bundles
 * ({@code org.chargingmanager.tariff.*}), read by the core for the {@code PRICE} variable and the
 * {@code tariff.*} live values.
 */
@Export
@Version("1.0.0")
package org.chargingmanager.api.tariff;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
