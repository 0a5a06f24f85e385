package org.chargingmanager.ocpp.v16;

/**
 * MeterValues.conf: the answer to a {@link MeterValuesRequest}.
 */
public record MeterValuesConfirmation() implements Confirmation {

    @Override
    public Action action() {
        return Action.METER_VALUES;
    }
}
