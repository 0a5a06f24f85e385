package org.chargingmanager.eichrecht.internal.signing;

import java.io.IOException;
import java.security.SecureRandom;

import org.chargingmanager.api.platform.DataDirectory;
import org.chargingmanager.eichrecht.internal.crypto.EcKeyPairs.EcKeyPair;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The charging manager's own signing key pair, shared by every charging point with internal
 * signing on; created on first use under the data directory's {@code keys/}.
 */
@Component(service = InternalSigningKey.class)
public class InternalSigningKey {

    private static final Logger LOG = LoggerFactory.getLogger(InternalSigningKey.class);

    private final DataDirectory dataDirectory;
    private OcmfRecordSigner signer;

    @Activate
    public InternalSigningKey(@Reference DataDirectory dataDirectory) {
        this.dataDirectory = dataDirectory;
    }

    public synchronized OcmfRecordSigner signer() throws IOException {
        if (signer == null) {
            EcKeyPair pair = SigningKeyFile.loadOrCreate(dataDirectory.subdirectory("keys"), new SecureRandom());
            signer = new OcmfRecordSigner(pair);
            LOG.info("Eichrecht: internal signing key ready ({}), public key {}", pair.curve().curveName(),
                    pair.publicKey().spkiHex());
        }
        return signer;
    }
}
