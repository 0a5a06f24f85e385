/** The aWATTar day-ahead price tariff; nothing here is exported. */
package org.chargingmanager.tariff.awattar.internal;
