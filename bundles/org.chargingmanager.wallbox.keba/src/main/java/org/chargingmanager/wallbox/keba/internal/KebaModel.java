package org.chargingmanager.wallbox.keba.internal;

/** Which KeContact it is, where the interfaces differ (Modbus TCP: how to pause). */
public enum KebaModel {
    /** P30 c- or x-series: pause with the enable register 5014. */
    P30,
    /** P40: pause with current 0 in register 5004. */
    P40
}
