/** The KEBA KeContact P30/P40 driver (UDP protocol); nothing here is exported. */
package org.chargingmanager.wallbox.keba.internal;
