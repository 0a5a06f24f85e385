/** The Shelly Pro 3EM / Pro EM meter driver (HTTP RPC); nothing here is exported. */
package org.chargingmanager.meter.shelly.internal;
