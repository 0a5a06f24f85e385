/** A KEBA KeContact P30/P40 UDP simulator that enforces the box's command spacing rules. */
package org.chargingmanager.testkit.keba;
