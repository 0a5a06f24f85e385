package org.chargingmanager.api.eichrecht;

import java.util.List;
import java.util.Optional;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The meter public keys of the charging points, and the rule for trusting them.
 *
 * <p>The rule: a key that arrives inside signed data or in a charger's configuration is
 * adopted only while no key is stored for that charging point, and then as
 * {@link TrustedKeyState#UNCONFIRMED} until the admin confirms it. Once a key is stored, signed
 * data that does not verify with it is rejected and logged as a security event; a key embedded
 * in the data that differs from the stored one is a failure whatever the signature says.
 */
@ProviderType
public interface TrustedKeys {

    Optional<TrustedKey> find(String evseId);

    List<TrustedKey> all();

    /**
     * Stores a key the admin entered (hex DER SubjectPublicKeyInfo, hex raw X||Y, or PEM) as
     * {@link TrustedKeyState#CONFIRMED}, replacing any stored key.
     *
     * @throws IllegalArgumentException if the text is not a public key
     */
    TrustedKey enter(String evseId, String publicKey, String source);

    /** Marks the stored key confirmed; empty if none is stored. */
    Optional<TrustedKey> confirm(String evseId);

    /** Forgets the stored key; returns whether there was one. */
    boolean remove(String evseId);

    /**
     * Offers a key seen outside the admin's control, for example in the charger's configuration.
     * It is stored as {@link TrustedKeyState#UNCONFIRMED} only if no key is stored yet.
     *
     * @return the key stored after the call, which may be an older one
     */
    Optional<TrustedKey> offer(String evseId, String publicKey, String source);

    /**
     * Checks signed data that arrived for a charging point against its stored key (adopting an
     * embedded key as unconfirmed if none is stored) and decides whether it may be stored as
     * billing data. Never throws for bad data.
     *
     * @param signedData as received, for example the value of an OCPP SampledValue with format
     *        {@code SignedData}
     */
    SignedDataAdmission admit(String evseId, String signedData);
}
