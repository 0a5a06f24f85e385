package org.chargingmanager.ocpp.v16;

import org.chargingmanager.ocpp.schema.Minimum;

/**
 * GetLocalListVersion.conf: the answer to a {@link GetLocalListVersionRequest}.
 *
 * @param listVersion 0: the list is empty; -1: the charge point has no local list
 */
public record GetLocalListVersionConfirmation(
        @Minimum(-1) int listVersion) implements Confirmation {

    @Override
    public Action action() {
        return Action.GET_LOCAL_LIST_VERSION;
    }
}
