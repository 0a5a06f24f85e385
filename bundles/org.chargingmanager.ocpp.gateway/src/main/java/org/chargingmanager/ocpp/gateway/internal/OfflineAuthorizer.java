package org.chargingmanager.ocpp.gateway.internal;

import java.time.Instant;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

import org.chargingmanager.ocpp.v16.AuthorizationStatus;

/**
 * Decides a tag while the backend is away (or does not answer in time), in OCPP 1.6's order:
 * the local authorization list first (§3.5.3: its entries win; one that is not Accepted refuses
 * the tag even with {@link OfflineAuthorization#ACCEPT}, §3.5.4), then the configured policy with
 * the authorization cache of tags the backend accepted before (§3.5.1).
 */
final class OfflineAuthorizer {

    private final OfflineAuthorization policy;
    private final LocalAuthList localList;
    private final String fixedIdTag;
    private final Set<String> cache = new HashSet<>();

    OfflineAuthorizer(OfflineAuthorization policy, LocalAuthList localList, String fixedIdTag) {
        this.policy = policy;
        this.localList = localList;
        this.fixedIdTag = fixedIdTag;
    }

    /** The backend answered for this tag: the cache follows it. */
    synchronized void backendSaid(String idTag, AuthorizationStatus status) {
        if (status == AuthorizationStatus.ACCEPTED) {
            cache.add(idTag);
        } else {
            cache.remove(idTag);
        }
    }

    synchronized void clearCache() {
        cache.clear();
    }

    synchronized boolean cached(String idTag) {
        return cache.contains(idTag);
    }

    /** @param remote the tag came with the backend's RemoteStartTransaction */
    synchronized AuthorizationStatus decide(String idTag, boolean remote, Instant now) {
        Optional<AuthorizationStatus> listed = localList.lookup(idTag, now);
        if (listed.isPresent()) {
            return listed.get();
        }
        boolean allowed = switch (policy) {
            case ACCEPT -> true;
            case ACCEPT_KNOWN -> cache.contains(idTag) || idTag.equals(fixedIdTag) || remote;
            case REFUSE -> false;
        };
        return allowed ? AuthorizationStatus.ACCEPTED : AuthorizationStatus.INVALID;
    }
}
