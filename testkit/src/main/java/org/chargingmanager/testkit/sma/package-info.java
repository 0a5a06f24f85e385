/** SMA Energy Meter / Sunny Home Manager 2.0 Speedwire telegrams, built from the documented format, and a sender. */
package org.chargingmanager.testkit.sma;
