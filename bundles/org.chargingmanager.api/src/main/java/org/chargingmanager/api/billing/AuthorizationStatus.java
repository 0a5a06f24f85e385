package org.chargingmanager.api.billing;

/** Whether an RFID or PIN may charge; the values of OCPP 1.6 AuthorizationStatus. */
public enum AuthorizationStatus {
    ACCEPTED, BLOCKED, EXPIRED, INVALID, CONCURRENT_TX
}
