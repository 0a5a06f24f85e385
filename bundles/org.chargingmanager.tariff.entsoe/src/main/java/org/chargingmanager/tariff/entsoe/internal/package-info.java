/** The ENTSO-E day-ahead price tariff; nothing here is exported. */
package org.chargingmanager.tariff.entsoe.internal;
