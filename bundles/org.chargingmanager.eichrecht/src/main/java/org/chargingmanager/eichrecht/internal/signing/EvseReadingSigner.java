package org.chargingmanager.eichrecht.internal.signing;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.eichrecht.InternalReadingSigner;

/** Internal signing for one charging point. */
public final class EvseReadingSigner implements InternalReadingSigner {

    private final String evseId;
    private final OcmfRecordSigner signer;

    public EvseReadingSigner(String evseId, OcmfRecordSigner signer) {
        this.evseId = evseId;
        this.signer = signer;
    }

    @Override
    public String evseId() {
        return evseId;
    }

    @Override
    public String publicKey() {
        return signer.keyPair().publicKey().spkiHex();
    }

    @Override
    public String signTransactionBegin(Transaction transaction) {
        return signer.sign(InternalOcmfPayloads.begin(evseId, transaction));
    }

    @Override
    public String signTransactionEnd(Transaction transaction) {
        return signer.sign(InternalOcmfPayloads.end(evseId, transaction));
    }
}
