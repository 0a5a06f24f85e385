/**
 * The tariff kit: {@link org.chargingmanager.tariff.FetchedTariff} turns a
 * {@link org.chargingmanager.tariff.PriceSource} (aWATTar, Tibber, ...) into a
 * {@link org.chargingmanager.api.tariff.Tariff} that refreshes, caches and survives a failing
 * source, so each provider bundle only fetches and parses.
 */
@Export
@Version("1.0.0")
package org.chargingmanager.tariff;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
