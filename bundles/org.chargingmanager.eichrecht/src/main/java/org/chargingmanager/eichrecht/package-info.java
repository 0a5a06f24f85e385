/**
 * Pure helpers around signed meter values that other bundles call directly: the XML export for
 * the S.A.F.E. transparency software and the check of signed readings against a transaction's
 * meter start and stop. The services (checker, trusted keys, internal signing) are in
 * {@code org.chargingmanager.api}.
 */
@Export
@Version("1.0.0")
package org.chargingmanager.eichrecht;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
