/** The Phoenix Contact EV Charge Control driver (Wallbe, ESL Walli, Compleo, E3/DC); nothing here is exported. */
package org.chargingmanager.wallbox.phoenix.internal;
