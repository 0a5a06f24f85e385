/** The generic JSON/CSV price URL tariff; nothing here is exported. */
package org.chargingmanager.tariff.generic.internal;
