/** The ABL wallbox driver (eMH1/eMH2 over Modbus ASCII, eM4 over Modbus TCP); nothing here is exported. */
package org.chargingmanager.wallbox.abl.internal;
