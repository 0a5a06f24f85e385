/** The SMA Energy Meter / Sunny Home Manager 2.0 driver (Speedwire multicast); nothing here is exported. */
package org.chargingmanager.meter.sma.internal;
