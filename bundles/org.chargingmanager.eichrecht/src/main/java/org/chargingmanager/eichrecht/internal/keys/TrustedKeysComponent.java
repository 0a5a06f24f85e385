package org.chargingmanager.eichrecht.internal.keys;

import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

import org.chargingmanager.api.eichrecht.SignedDataAdmission;
import org.chargingmanager.api.eichrecht.TrustedKey;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.api.platform.DataDirectory;
import org.chargingmanager.eichrecht.internal.verify.SignedDataVerifier;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;

/** The {@link TrustedKeys} service, its files under the data directory's {@code keys/}. */
@Component(service = TrustedKeys.class)
public class TrustedKeysComponent implements TrustedKeys {

    private final TrustedKeyRegistry registry;

    @Activate
    public TrustedKeysComponent(@Reference DataDirectory dataDirectory) throws IOException {
        this.registry = new TrustedKeyRegistry(dataDirectory.subdirectory("keys"), new SignedDataVerifier(),
                Clock.systemUTC());
    }

    @Override
    public Optional<TrustedKey> find(String evseId) {
        return registry.find(evseId);
    }

    @Override
    public List<TrustedKey> all() {
        return registry.all();
    }

    @Override
    public TrustedKey enter(String evseId, String publicKey, String source) {
        return registry.enter(evseId, publicKey, source);
    }

    @Override
    public Optional<TrustedKey> confirm(String evseId) {
        return registry.confirm(evseId);
    }

    @Override
    public boolean remove(String evseId) {
        return registry.remove(evseId);
    }

    @Override
    public Optional<TrustedKey> offer(String evseId, String publicKey, String source) {
        return registry.offer(evseId, publicKey, source);
    }

    @Override
    public SignedDataAdmission admit(String evseId, String signedData) {
        return registry.admit(evseId, signedData);
    }
}
