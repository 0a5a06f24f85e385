/** The Eastron SDM630 / SDM72D-M driver; nothing here is exported. */
package org.chargingmanager.meter.eastron.internal;
