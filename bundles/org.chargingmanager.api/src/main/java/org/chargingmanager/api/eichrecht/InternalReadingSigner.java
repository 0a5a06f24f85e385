package org.chargingmanager.api.eichrecht;

import org.chargingmanager.api.billing.Transaction;
import org.chargingmanager.api.evse.Evse;
import org.osgi.annotation.versioning.ProviderType;

/**
 * Signs a charging point's own meter readings like a calibration-law compliant wallbox would
 * (setting "sign and store internal meter readings", for tests of the signed-data chain). One
 * service per charging point with the setting on, with the service property
 * {@link Evse#ID_PROPERTY}.
 *
 * <p>The records are OCMF 1.0 strings, signed with ECDSA secp256r1 / SHA-256 by a key pair the
 * charging manager generates once and keeps in its data directory. They carry no legal weight:
 * the charging manager is not a calibrated meter.
 */
@ProviderType
public interface InternalReadingSigner {

    String evseId();

    /** The public key that verifies the records, hex DER SubjectPublicKeyInfo. */
    String publicKey();

    /** The signed begin reading of a session just started ({@code transaction.meterStartWattHours}). */
    String signTransactionBegin(Transaction transaction);

    /**
     * The signed end reading of a closed session ({@code transaction.meterStopWattHours}).
     *
     * @throws IllegalArgumentException if the session is still open
     */
    String signTransactionEnd(Transaction transaction);
}
