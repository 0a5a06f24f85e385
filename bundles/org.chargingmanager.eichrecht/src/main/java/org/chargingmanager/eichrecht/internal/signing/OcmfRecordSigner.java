package org.chargingmanager.eichrecht.internal.signing;

import java.nio.charset.StandardCharsets;

import org.chargingmanager.eichrecht.internal.codec.Hex;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs.EcKeyPair;
import org.chargingmanager.eichrecht.internal.crypto.Ecdsa;
import org.chargingmanager.eichrecht.internal.crypto.EcdsaSignature;

/** Signs an OCMF payload: {@code OCMF|<payload>|{"SD":"<hex DER>","SA":"ECDSA-<curve>-SHA256"}}. */
public final class OcmfRecordSigner {

    private final EcKeyPair keyPair;

    public OcmfRecordSigner(EcKeyPair keyPair) {
        this.keyPair = keyPair;
    }

    public String sign(String payload) {
        if (payload.indexOf('|') >= 0) {
            throw new IllegalArgumentException("an OCMF payload must not contain '|'");
        }
        EcdsaSignature signature = Ecdsa.sign(keyPair.privateKey(), payload.getBytes(StandardCharsets.UTF_8));
        return "OCMF|" + payload + "|{\"SD\":\"" + Hex.encode(signature.toDer()) + "\",\"SA\":\""
                + keyPair.curve().ocmfAlgorithm() + "\"}";
    }

    public EcKeyPair keyPair() {
        return keyPair;
    }
}
