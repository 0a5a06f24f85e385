package org.chargingmanager.web.internal.session;

import java.time.Instant;

/**
 * A logged-in browser: the cookie's random id, the user, the CSRF token every state-changing
 * request of this session must carry in {@value SessionStore#CSRF_HEADER}, and when it expires.
 */
public record WebSession(String id, String user, String csrfToken, Instant createdAt, Instant lastUsedAt) {

    WebSession touched(Instant now) {
        return new WebSession(id, user, csrfToken, createdAt, now);
    }

    @Override
    public String toString() {
        return "WebSession[" + user + ", id and token hidden]";
    }
}
