package org.chargingmanager.api.device;

/** A phase of the three-phase grid connection. */
public enum Phase {
    L1, L2, L3
}
