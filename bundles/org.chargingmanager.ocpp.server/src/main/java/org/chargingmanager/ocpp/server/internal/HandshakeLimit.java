package org.chargingmanager.ocpp.server.internal;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import org.eclipse.jetty.io.Connection;
import org.eclipse.jetty.io.ssl.SslConnection;
import org.eclipse.jetty.websocket.core.WebSocketConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps boots from queueing behind thousands of handshakes in a reconnect storm. While
 * {@link #MAX_PENDING} connections are accepted but not yet upgraded to a WebSocket, the
 * connector stops accepting; further chargers wait in the kernel's accept queue and are taken as
 * handshakes finish (accepting resumes at half the limit). Chargers already connected get their
 * BootNotification answered within a few hundred handshakes' time, not behind all of them; the
 * storm as a whole takes as long as before, since the server's CPU is the limit either way.
 * <p>
 * A connection counts for at most {@link #STALLED_AFTER}: one that opens and says nothing (an
 * idle or hostile client) stops counting then, so a few hundred of them cannot lock chargers out.
 * The server's one-second timer calls {@link #check()} for that. Thread-safe.
 */
final class HandshakeLimit implements Connection.Listener {

    /** Handshakes in progress at which the connector pauses accepting. */
    static final int MAX_PENDING = 128;
    /** A connection not upgraded after this long no longer counts as a handshake in progress. */
    static final Duration STALLED_AFTER = Duration.ofSeconds(2);
    private static final Logger LOG = LoggerFactory.getLogger(HandshakeLimit.class);

    /** What the limit switches: in Jetty, the connector's acceptors. */
    interface Acceptor {
        boolean isAccepting();

        void setAccepting(boolean accepting);
    }

    private final Acceptor acceptor;
    private final int maxPending;
    private final long stalledAfterNanos;
    private final LongSupplier nanoClock;
    private final Map<Connection, Long> pending = new ConcurrentHashMap<>();
    private volatile boolean stopped;
    /** Accepting stays off until {@link #release()}. */
    private boolean held;
    private boolean pauseLogged;

    HandshakeLimit(Acceptor acceptor) {
        this(acceptor, MAX_PENDING, STALLED_AFTER, System::nanoTime);
    }

    HandshakeLimit(Acceptor acceptor, int maxPending, Duration stalledAfter, LongSupplier nanoClock) {
        this.acceptor = acceptor;
        this.maxPending = maxPending;
        this.stalledAfterNanos = stalledAfter.toNanos();
        this.nanoClock = nanoClock;
    }

    @Override
    public void onOpened(Connection connection) {
        if (counts(connection)) {
            pending.put(connection, nanoClock.getAsLong());
            if (pending.size() >= maxPending) {
                check();
            }
        }
    }

    @Override
    public void onClosed(Connection connection) {
        if (pending.remove(connection) != null && pending.size() <= maxPending / 2 && !acceptor.isAccepting()) {
            check();
        }
    }

    /** Forgets stalled handshakes and pauses or resumes accepting; from the events and the timer. */
    synchronized void check() {
        if (stopped) {
            return;
        }
        long now = nanoClock.getAsLong();
        pending.values().removeIf(openedAt -> now - openedAt >= stalledAfterNanos);
        int inProgress = pending.size();
        if (inProgress >= maxPending && acceptor.isAccepting()) {
            acceptor.setAccepting(false);
            if (!pauseLogged) {
                pauseLogged = true;
                LOG.info("OCPP server: {} WebSocket handshakes in progress (a reconnect storm?): new connections wait "
                        + "in the accept queue until half of them are done", inProgress);
            }
        } else if (!held && inProgress <= maxPending / 2 && !acceptor.isAccepting()) {
            acceptor.setAccepting(true);
        }
    }

    /** Takes no connections until {@link #release()}, whatever the handshakes in progress. */
    synchronized void hold() {
        held = true;
        if (acceptor.isAccepting()) {
            acceptor.setAccepting(false);
        }
    }

    /** Takes connections again as the limit allows. */
    synchronized void release() {
        held = false;
        check();
    }

    /** Ignores further events: the server is stopping. */
    synchronized void stop() {
        stopped = true;
        pending.clear();
    }

    int inProgress() {
        return pending.size();
    }

    /** The network connection and the HTTP connection of a handshake; not TLS underneath nor the WebSocket after it. */
    private static boolean counts(Connection connection) {
        return !(connection instanceof SslConnection) && !(connection instanceof WebSocketConnection);
    }
}
