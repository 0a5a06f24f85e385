/** The fixed-price and time-of-use tariff; nothing here is exported. */
package org.chargingmanager.tariff.fixed.internal;
