package org.chargingmanager.ocpp.v16;

/**
 * ClearCache.conf: the answer to a {@link ClearCacheRequest}.
 */
public record ClearCacheConfirmation(
        ClearCacheStatus status) implements Confirmation {

    @Override
    public Action action() {
        return Action.CLEAR_CACHE;
    }
}
