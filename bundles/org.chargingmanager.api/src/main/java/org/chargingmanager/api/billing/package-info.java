/**
 * Users with their RFID tags and PINs, authorization, and the transaction log (charging sessions with their signed meter values); provided by the billing bundle.
 */
@Export
@Version("1.0.0")
package org.chargingmanager.api.billing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
