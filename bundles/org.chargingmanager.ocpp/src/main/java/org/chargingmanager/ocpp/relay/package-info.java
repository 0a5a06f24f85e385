/**
 * Passing a charge point of our central system through to an external OCPP backend: the
 * {@link org.chargingmanager.ocpp.relay.ChargePointUplink} the gateway registers for one charge
 * box ID, and the {@link org.chargingmanager.ocpp.relay.ChargePointLink} the central system gives
 * it to reach the charge point. Here, in the shared OCPP bundle, so that neither the gateway nor
 * the central system needs the other installed.
 */
@Export
@Version("1.0.0")
package org.chargingmanager.ocpp.relay;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
