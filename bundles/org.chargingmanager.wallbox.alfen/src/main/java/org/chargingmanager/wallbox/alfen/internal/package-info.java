/** The Alfen Eve (NG9xx) driver over Modbus TCP; nothing here is exported. */
package org.chargingmanager.wallbox.alfen.internal;
