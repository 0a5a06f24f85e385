/**
 * The life of a configured Modbus device in a driver bundle: {@link org.chargingmanager.modbus.driver.PolledDevice}
 * opens its line, polls it in a thread of its own, registers it as an OSGi service and undoes all of it when the
 * configuration goes away.
 */
@Export
@Version("1.0.0")
package org.chargingmanager.modbus.driver;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
