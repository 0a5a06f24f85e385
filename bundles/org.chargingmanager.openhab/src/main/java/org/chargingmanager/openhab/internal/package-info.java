/**
 * Pushes the charging manager's variable values to openHAB items over openHAB's REST API
 * ({@code PUT /rest/items/{item}/state}). Nothing is exported.
 */
package org.chargingmanager.openhab.internal;
