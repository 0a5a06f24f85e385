package org.chargingmanager.ocpp.v16;

import java.util.List;

import org.chargingmanager.ocpp.schema.MinItems;
import org.chargingmanager.ocpp.schema.Minimum;
import org.chargingmanager.ocpp.schema.OptionalField;

/**
 * MeterValues.req (charge point → central system, profile Core): sampled meter values of a
 * connector, during a transaction or outside one.
 *
 * @param connectorId the connector, 1 and up; 0 means the charge point as a whole
 */
public record MeterValuesRequest(
        @Minimum(0) int connectorId,
        @OptionalField Integer transactionId,
        @MinItems(1) List<MeterValue> meterValue) implements Request {

    @Override
    public Action action() {
        return Action.METER_VALUES;
    }
}
