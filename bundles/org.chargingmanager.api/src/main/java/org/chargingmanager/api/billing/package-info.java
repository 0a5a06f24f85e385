/**
 * Users with their RFID tags and PINs, authorization, and the transaction log (charging sessions with their signed meter values and, since 1.1, their cost per price slot); provided by the billing bundle.
 */
@Export
@Version("1.1.0")
package org.chargingmanager.api.billing;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
