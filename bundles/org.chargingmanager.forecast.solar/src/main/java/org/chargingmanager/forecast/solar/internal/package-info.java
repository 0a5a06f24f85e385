/** The Forecast.Solar PV forecast; nothing here is exported. */
package org.chargingmanager.forecast.solar.internal;
