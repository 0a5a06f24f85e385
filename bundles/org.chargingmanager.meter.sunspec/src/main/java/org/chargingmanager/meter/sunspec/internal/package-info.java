/** The SunSpec inverter and meter driver; nothing here is exported. */
package org.chargingmanager.meter.sunspec.internal;
