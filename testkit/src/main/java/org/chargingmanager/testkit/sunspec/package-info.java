/** Writes SunSpec model chains into the Modbus simulator. */
package org.chargingmanager.testkit.sunspec;
