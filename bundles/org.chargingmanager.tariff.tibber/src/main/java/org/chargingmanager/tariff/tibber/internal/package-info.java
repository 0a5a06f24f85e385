/** The Tibber tariff; nothing here is exported. */
package org.chargingmanager.tariff.tibber.internal;
