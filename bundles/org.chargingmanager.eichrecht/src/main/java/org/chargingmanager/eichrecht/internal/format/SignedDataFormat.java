package org.chargingmanager.eichrecht.internal.format;

/** The formats of signed meter data this bundle can tell apart. */
public enum SignedDataFormat {
    OCMF,
    ALFEN,
    UNKNOWN;

    public static SignedDataFormat detect(String data) {
        if (data.startsWith("OCMF|")) {
            return OCMF;
        }
        if (data.startsWith("AP;")) {
            return ALFEN;
        }
        return UNKNOWN;
    }
}
