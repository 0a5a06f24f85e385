/**
 * Fake charging points and meters for tests of anything that consumes {@code Evse} and {@code Meter} services
 * (load manager, billing, MQTT, web): the test sets the values, the fakes record what they were told.
 */
package org.chargingmanager.testkit.devices;
