package org.chargingmanager.meter.eastron.internal;

import org.chargingmanager.modbus.protocol.DeviceProtocol;

/** The meters this driver reads. */
public enum EastronModel {
    SDM630("SDM630", EastronRegisters.PER_PHASE),
    SDM72D_M_V2("SDM72D-M v2", EastronRegisters.PER_PHASE),
    SDM72D_M_V1("SDM72D-M v1", EastronRegisters.TOTALS_ONLY);

    private final String displayName;
    private final DeviceProtocol protocol;

    EastronModel(String displayName, DeviceProtocol protocol) {
        this.displayName = displayName;
        this.protocol = protocol;
    }

    String displayName() {
        return displayName;
    }

    DeviceProtocol protocol() {
        return protocol;
    }

    boolean perPhase() {
        return protocol == EastronRegisters.PER_PHASE;
    }
}
