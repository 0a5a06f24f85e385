package org.chargingmanager.eichrecht.internal.keys;

import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import org.chargingmanager.api.eichrecht.SignedDataAdmission;
import org.chargingmanager.api.eichrecht.TrustedKey;
import org.chargingmanager.api.eichrecht.TrustedKeyState;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.api.eichrecht.VerificationResult;
import org.chargingmanager.api.eichrecht.VerificationStatus;
import org.chargingmanager.eichrecht.internal.crypto.KeyFormatException;
import org.chargingmanager.eichrecht.internal.crypto.PublicKeyParser;
import org.chargingmanager.eichrecht.internal.verify.SignedDataVerifier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link TrustedKeys} kept in files under a directory; see the interface for the trust rule. */
public final class TrustedKeyRegistry implements TrustedKeys {

    static final String FROM_SIGNED_DATA = "signed data";

    private static final Logger LOG = LoggerFactory.getLogger(TrustedKeyRegistry.class);

    private final TrustedKeyFiles files;
    private final SignedDataVerifier verifier;
    private final Clock clock;
    private final Map<String, TrustedKey> keys = new HashMap<>();

    public TrustedKeyRegistry(Path directory, SignedDataVerifier verifier, Clock clock) {
        this.files = new TrustedKeyFiles(directory);
        this.verifier = verifier;
        this.clock = clock;
        for (TrustedKey key : files.loadAll()) {
            keys.put(key.evseId(), key);
        }
    }

    @Override
    public synchronized Optional<TrustedKey> find(String evseId) {
        return Optional.ofNullable(keys.get(evseId));
    }

    @Override
    public synchronized List<TrustedKey> all() {
        List<TrustedKey> all = new ArrayList<>(keys.values());
        all.sort(Comparator.comparing(TrustedKey::evseId));
        return all;
    }

    @Override
    public synchronized TrustedKey enter(String evseId, String publicKey, String source) {
        String normalised = normalise(publicKey);
        TrustedKey stored = keys.get(evseId);
        if (stored != null && stored.confirmed() && stored.publicKey().equals(normalised)) {
            return stored;
        }
        TrustedKey key = store(new TrustedKey(evseId, normalised, TrustedKeyState.CONFIRMED,
                Objects.requireNonNullElse(source, "admin"), clock.instant()));
        LOG.info("Eichrecht: EVSE {}: public key entered by {} and confirmed", evseId, key.source());
        return key;
    }

    @Override
    public synchronized Optional<TrustedKey> confirm(String evseId) {
        TrustedKey stored = keys.get(evseId);
        if (stored == null) {
            return Optional.empty();
        }
        if (!stored.confirmed()) {
            stored = store(new TrustedKey(evseId, stored.publicKey(), TrustedKeyState.CONFIRMED, stored.source(),
                    clock.instant()));
            LOG.info("Eichrecht: EVSE {}: public key from {} confirmed by the admin", evseId, stored.source());
        }
        return Optional.of(stored);
    }

    @Override
    public synchronized boolean remove(String evseId) {
        boolean existed = keys.remove(evseId) != null;
        files.delete(evseId);
        if (existed) {
            LOG.info("Eichrecht: EVSE {}: public key removed", evseId);
        }
        return existed;
    }

    @Override
    public synchronized Optional<TrustedKey> offer(String evseId, String publicKey, String source) {
        TrustedKey stored = keys.get(evseId);
        String normalised;
        try {
            normalised = PublicKeyParser.normalise(publicKey);
        } catch (KeyFormatException e) {
            LOG.warn("Eichrecht: EVSE {}: ignored an unreadable public key from {}: {}", evseId, source, e.getMessage());
            return Optional.ofNullable(stored);
        }
        if (stored == null) {
            TrustedKey adopted = store(new TrustedKey(evseId, normalised, TrustedKeyState.UNCONFIRMED, source,
                    clock.instant()));
            LOG.info("Eichrecht: EVSE {}: adopted the public key from {} as unconfirmed; the admin should compare it "
                    + "with a trusted source and confirm it", evseId, source);
            return Optional.of(adopted);
        }
        if (!stored.publicKey().equals(normalised)) {
            LOG.warn("Eichrecht security event: EVSE {}: {} presents a public key that differs from the stored one; "
                    + "kept the stored key", evseId, source);
        }
        return Optional.of(stored);
    }

    @Override
    public SignedDataAdmission admit(String evseId, String signedData) {
        TrustedKey key = find(evseId).orElse(null);
        if (key == null) {
            VerificationResult unchecked = verifier.verify(signedData, null);
            if (unchecked.embeddedPublicKey() == null || unchecked.status() != VerificationStatus.NOT_VERIFIABLE) {
                return new SignedDataAdmission(unchecked, unchecked.status() != VerificationStatus.NONE, null);
            }
            key = offer(evseId, unchecked.embeddedPublicKey(), FROM_SIGNED_DATA).orElse(null);
            if (key == null) {
                return new SignedDataAdmission(unchecked, true, null);
            }
        }
        VerificationResult result = verifier.verify(signedData, key.publicKey());
        switch (result.status()) {
            case VERIFIED:
                if (!key.confirmed()) {
                    result = new VerificationResult(VerificationStatus.NOT_VERIFIABLE,
                            "the signature matches the public key taken from " + key.source()
                                    + ", which the admin has not confirmed yet",
                            result.format(), result.embeddedPublicKey(), result.readings());
                }
                return new SignedDataAdmission(result, true, key);
            case NONE:
                return new SignedDataAdmission(result, false, key);
            case NOT_VERIFIABLE:
                if ("UNKNOWN".equals(result.format())) {
                    return new SignedDataAdmission(result, true, key);
                }
                break;
            default:
                break;
        }
        LOG.warn("Eichrecht security event: EVSE {}: rejected signed meter data that does not verify with the stored "
                + "{} public key: {}", evseId, key.confirmed() ? "confirmed" : "unconfirmed", result.reason());
        return new SignedDataAdmission(result, false, key);
    }

    private TrustedKey store(TrustedKey key) {
        files.save(key);
        keys.put(key.evseId(), key);
        return key;
    }

    private static String normalise(String publicKey) {
        try {
            return PublicKeyParser.normalise(publicKey);
        } catch (KeyFormatException e) {
            throw new IllegalArgumentException("not a usable public key: " + e.getMessage(), e);
        }
    }
}
