/**
 * Test helpers shared by the modules' tests (test scope only): {@link org.chargingmanager.testkit.Await} and
 * {@link org.chargingmanager.testkit.MutableClock}; the Modbus simulator is in
 * {@code org.chargingmanager.testkit.modbus}.
 */
package org.chargingmanager.testkit;
