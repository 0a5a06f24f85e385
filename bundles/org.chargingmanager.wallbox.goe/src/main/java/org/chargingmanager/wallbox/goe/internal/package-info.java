/** The go-e Charger driver (HTTP API v2, v1 fallback); nothing here is exported. */
package org.chargingmanager.wallbox.goe.internal;
