package org.chargingmanager.wallbox.abl.internal;

/** The ABL controllers this driver speaks to. */
public enum AblModel {

    /** eMH1 and eMH2 (and boxes with their EVCC2/EVCC3 controller): Modbus ASCII on RS-485, 38400 8E1, unit 1. */
    EMH1("eMH1/eMH2", 1),
    /** eM4 (Twin, Single): Modbus TCP, unit 255, one register block per connector. */
    EM4("eM4", 255);

    private final String displayName;
    private final int defaultUnitId;

    AblModel(String displayName, int defaultUnitId) {
        this.displayName = displayName;
        this.defaultUnitId = defaultUnitId;
    }

    String displayName() {
        return displayName;
    }

    int defaultUnitId() {
        return defaultUnitId;
    }
}
