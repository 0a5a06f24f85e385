package org.chargingmanager.ocpp.server;

import org.chargingmanager.ocpp.v16.DataTransferConfirmation;
import org.chargingmanager.ocpp.v16.DataTransferRequest;

/**
 * Answers a charge point's DataTransfer CALLs for one vendor, for example a wallbox brand's
 * public-key or tariff-display messages. Register it as an OSGi service with the service
 * property {@value #VENDOR_ID_PROPERTY} set to the vendor ID it handles (compared without regard
 * to case; several values allowed). DataTransfer for a vendor ID without a handler is answered
 * {@code UnknownVendorId}; a handler that throws is answered {@code Rejected} and logged.
 *
 * <p>Called on the charge point's connection thread: answer quickly, never block on the network.
 */
@FunctionalInterface
public interface DataTransferHandler {

    /** Service property: the vendor ID(s), e.g. {@code com.example.wallbox}. */
    String VENDOR_ID_PROPERTY = "ocpp.dataTransfer.vendorId";

    /**
     * @param chargeBoxId the charge point that sent it
     * @param request its vendor ID, optional message ID and data (the data's JSON text as
     *        received, if it was not a string)
     * @return the answer: status {@code Accepted}, {@code Rejected} or {@code UnknownMessageId},
     *         with optional data
     */
    DataTransferConfirmation handle(String chargeBoxId, DataTransferRequest request);
}
