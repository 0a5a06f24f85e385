/**
 * The OCPP 1.6 message model: one record per request ({@code BootNotificationRequest}) and
 * per confirmation ({@code BootNotificationConfirmation}) of every action in
 * {@link org.chargingmanager.ocpp.v16.Action}, including the security extension's
 * (security whitepaper, edition 2), and their value types and enumerations.
 *
 * <p>Field names are the specification's, so a record reads like the specification's table;
 * units are given in the field documentation (energy in Wh, durations in seconds). Optional
 * fields are {@code null} when absent, optional lists empty. Enumerations carry their exact
 * wire strings ({@link org.chargingmanager.ocpp.schema.WireEnum}).
 *
 * <p>{@link org.chargingmanager.ocpp.v16.Ocpp16JsonCodec} turns WebSocket text frames into
 * these records and back, validating both ways.
 *
 * <p>Since 1.2: answers given later ({@code CompletionStage}) with the peer's further CALLs
 * refused meanwhile, and payloads passed through as received ({@link org.chargingmanager.ocpp.v16.RawConfirmation},
 * {@link org.chargingmanager.ocpp.v16.Ocpp16Session#callRaw}, {@link org.chargingmanager.ocpp.v16.RawResult}).
 */
@Export
@Version("1.2.0")
package org.chargingmanager.ocpp.v16;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
