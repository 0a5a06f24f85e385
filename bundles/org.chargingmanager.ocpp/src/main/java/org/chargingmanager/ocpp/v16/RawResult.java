package org.chargingmanager.ocpp.v16;

/**
 * The peer's answer to a CALL sent with {@link Ocpp16Session#callRaw}: decoded and checked, and
 * as the exact text it arrived in, for passing it on byte for byte.
 *
 * @param confirmation the decoded confirmation
 * @param payloadJson the CALLRESULT's payload as received
 * @since 1.2
 */
public record RawResult(Confirmation confirmation, String payloadJson) {
}
