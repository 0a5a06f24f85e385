package org.chargingmanager.ocpp.internal;

/** The JSON shapes a record component can have. */
enum ValueKind {
    STRING, INTEGER, DECIMAL, BOOLEAN, DATE_TIME, ENUM, RECORD, LIST
}
