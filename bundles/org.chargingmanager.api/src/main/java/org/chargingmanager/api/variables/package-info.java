/**
 * Named variables and expressions over them: the grid operator's {@code AVAIL}, the supplier's {@code TARIF}, formulas such as {@code 55000 * AVAIL / 100}; provided by the core bundle.
 */
@Export
@Version("1.0.0")
package org.chargingmanager.api.variables;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
