package org.chargingmanager.ocpp.server.internal;

import java.util.Optional;

import org.chargingmanager.api.billing.Authorizer;
import org.chargingmanager.api.billing.TransactionLog;
import org.chargingmanager.api.billing.UserDirectory;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.chargingmanager.ocpp.relay.ChargePointUplink;
import org.chargingmanager.ocpp.server.DataTransferHandler;

/** The optional services the central system hands its data to; any may be missing at any time. */
public interface Backends {

    Optional<Authorizer> authorizer();

    Optional<TransactionLog> transactionLog();

    Optional<TrustedKeys> trustedKeys();

    /** The users whose RFID tags and PINs make the chargers' local authorization lists. */
    default Optional<UserDirectory> userDirectory() {
        return Optional.empty();
    }

    /** The handler registered for this DataTransfer vendor ID (any case), if any. */
    default Optional<DataTransferHandler> dataTransferHandler(String vendorId) {
        return Optional.empty();
    }

    /** The uplink passing this charge point through to an external backend, if one is registered. */
    default Optional<ChargePointUplink> uplink(String chargeBoxId) {
        return Optional.empty();
    }
}
