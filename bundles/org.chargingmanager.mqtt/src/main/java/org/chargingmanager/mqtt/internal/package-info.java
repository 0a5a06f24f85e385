/**
 * The MQTT publisher after the Homie 4.0.0 convention: one device, nodes for the variables,
 * the grid connection, every charging point and every meter. Nothing is exported.
 */
package org.chargingmanager.mqtt.internal;
