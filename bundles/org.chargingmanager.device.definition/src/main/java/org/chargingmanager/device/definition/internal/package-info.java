/** Devices described by a definition file; nothing here is exported. */
package org.chargingmanager.device.definition.internal;
