package org.chargingmanager.api.billing;

import org.osgi.annotation.versioning.ProviderType;

/** Decides whether an RFID tag or PIN may charge at a charging point. */
@ProviderType
public interface Authorizer {

    /**
     * @param idTag the RFID or PIN as entered
     * @param evseId the charging point, or {@code null} when the charger does not say (OCPP Authorize)
     */
    Authorization authorize(String idTag, String evseId);
}
