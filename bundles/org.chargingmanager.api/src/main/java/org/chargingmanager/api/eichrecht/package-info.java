/**
 * Signed meter values (German calibration law): verification against the trusted key of a charging point, the admission of signed data that a driver received, internal signing; provided by the Eichrecht bundle.
 */
@Export
@Version("1.0.0")
package org.chargingmanager.api.eichrecht;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
