package org.chargingmanager.meter.shelly.internal;

/** The Shelly meters the driver reads, with the RPC methods and the {@code app} their device info names. */
public enum ShellyModel {
    /** Three phases: {@code EM.GetStatus}, {@code EMData.GetStatus}. */
    PRO_3EM("Pro 3EM", "Pro3EM", "EM.GetStatus", "EMData.GetStatus"),
    /** One phase per channel (0 or 1): {@code EM1.GetStatus}, {@code EM1Data.GetStatus}. */
    PRO_EM("Pro EM", "ProEM", "EM1.GetStatus", "EM1Data.GetStatus");

    private final String displayName;
    private final String app;
    private final String statusMethod;
    private final String energyMethod;

    ShellyModel(String displayName, String app, String statusMethod, String energyMethod) {
        this.displayName = displayName;
        this.app = app;
        this.statusMethod = statusMethod;
        this.energyMethod = energyMethod;
    }

    String displayName() {
        return displayName;
    }

    /** The {@code app} of {@code Shelly.GetDeviceInfo}. */
    String app() {
        return app;
    }

    String statusMethod() {
        return statusMethod;
    }

    String energyMethod() {
        return energyMethod;
    }

    boolean threePhase() {
        return this == PRO_3EM;
    }
}
