package org.chargingmanager.ocpp.v16;

/**
 * ClearCache.req (central system → charge point, profile Core): clears the charge point's
 * authorization cache.
 */
public record ClearCacheRequest() implements Request {

    @Override
    public Action action() {
        return Action.CLEAR_CACHE;
    }
}
