/**
 * Test helpers shared by the modules' tests (test scope only): {@link org.chargingmanager.testkit.Await} and
 * {@link org.chargingmanager.testkit.MutableClock}; the Modbus simulator is in
 * {@code org.chargingmanager.testkit.modbus}; a servlet request and response for servlet tests in
 * {@code org.chargingmanager.testkit.http}.
 */
package org.chargingmanager.testkit;
