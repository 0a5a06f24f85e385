package org.chargingmanager.wallbox.keba.internal;

/** Which interface of the box the driver uses; KEBA says not to use both at once. */
public enum KebaProtocol {
    /** The UDP interface on port 7090 (P30 c- and x-series, P40). */
    UDP,
    /** Modbus TCP on port 502, unit ID 255 (P30 c-series from firmware 3.10.16, x-series from 1.11, P40). */
    MODBUS
}
