/** A go-e Charger HTTP API v2 / v1 simulator. */
package org.chargingmanager.testkit.goe;
