/**
 * OCPP-J RPC framing, independent of the OCPP version: the CALLERROR codes
 * ({@link org.chargingmanager.ocpp.RpcErrorCode}), an error as sent or received
 * ({@link org.chargingmanager.ocpp.RpcError}), and the table of CALLs sent and not yet
 * answered ({@link org.chargingmanager.ocpp.PendingCalls}). Everything here is pure: no
 * threads, no I/O, time passed in. The transport belongs to the server and gateway bundles.
 */
@Export
@Version("1.1.0")
package org.chargingmanager.ocpp;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
