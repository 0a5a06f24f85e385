package org.chargingmanager.web.internal.session;

import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The web UI's logged-in sessions, in memory only (a restart logs everybody out). A session
 * ends after {@link #IDLE_TIMEOUT} without a request, after {@link #MAXIMUM_AGE} in any case, at
 * logout, and when the admin password changes. At most {@link #MAXIMUM_SESSIONS} exist; the
 * oldest is dropped for a new one.
 */
public final class SessionStore {

    public static final String COOKIE = "CM_SESSION";
    public static final String CSRF_HEADER = "X-CSRF-Token";
    public static final Duration IDLE_TIMEOUT = Duration.ofHours(2);
    public static final Duration MAXIMUM_AGE = Duration.ofHours(24);
    static final int MAXIMUM_SESSIONS = 64;

    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, WebSession> sessions = new ConcurrentHashMap<>();

    public SessionStore(Clock clock) {
        this.clock = clock;
    }

    public synchronized WebSession create(String user) {
        Instant now = clock.instant();
        expire(now);
        while (sessions.size() >= MAXIMUM_SESSIONS) {
            sessions.values().stream().min((a, b) -> a.createdAt().compareTo(b.createdAt()))
                    .ifPresent(oldest -> sessions.remove(oldest.id()));
        }
        WebSession session = new WebSession(randomToken(), user, randomToken(), now, now);
        sessions.put(session.id(), session);
        return session;
    }

    /** The live session with this id, marked as used now; empty if unknown or expired. */
    public Optional<WebSession> find(String id) {
        if (id == null || id.isEmpty()) {
            return Optional.empty();
        }
        Instant now = clock.instant();
        WebSession session = sessions.get(id);
        if (session == null) {
            return Optional.empty();
        }
        if (expired(session, now)) {
            sessions.remove(id);
            return Optional.empty();
        }
        WebSession touched = session.touched(now);
        sessions.replace(id, session, touched);
        return Optional.of(touched);
    }

    public void remove(String id) {
        if (id != null) {
            sessions.remove(id);
        }
    }

    /** Ends every session but {@code keepId} (after a password change). */
    public void removeAllExcept(String keepId) {
        sessions.keySet().removeIf(id -> !id.equals(keepId));
    }

    int size() {
        return sessions.size();
    }

    /** Whether {@code presented} is the session's CSRF token, in constant time. */
    public static boolean csrfMatches(WebSession session, String presented) {
        return presented != null && MessageDigest.isEqual(session.csrfToken().getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                presented.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }

    private void expire(Instant now) {
        sessions.values().removeIf(session -> expired(session, now));
    }

    private static boolean expired(WebSession session, Instant now) {
        return !now.isBefore(session.lastUsedAt().plus(IDLE_TIMEOUT)) || !now.isBefore(session.createdAt().plus(MAXIMUM_AGE));
    }

    private String randomToken() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
