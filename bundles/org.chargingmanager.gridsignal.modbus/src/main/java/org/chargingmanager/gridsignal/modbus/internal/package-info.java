/** The Modbus control interface for the grid operator's box; not exported. */
package org.chargingmanager.gridsignal.modbus.internal;
