package org.chargingmanager.ocpp.server.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

import org.eclipse.jetty.io.Connection;
import org.junit.jupiter.api.Test;

/** The accept pause of {@link HandshakeLimit}, with a moved clock. */
class HandshakeLimitTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final FakeAcceptor acceptor = new FakeAcceptor();
    private final HandshakeLimit limit = new HandshakeLimit(acceptor, 10, Duration.ofSeconds(2), nanos::get);

    @Test
    void acceptingPausesAtTheLimitAndResumesAtHalfOfIt() {
        List<Connection> handshakes = open(9);
        assertThat(acceptor.accepting).isTrue();
        handshakes.add(open(1).get(0));
        assertThat(acceptor.accepting).as("10 handshakes in progress").isFalse();

        for (int i = 0; i < 4; i++) {
            limit.onClosed(handshakes.remove(0)); // upgraded to a WebSocket
        }
        assertThat(acceptor.accepting).as("6 in progress").isFalse();
        limit.onClosed(handshakes.remove(0));
        assertThat(acceptor.accepting).as("5 in progress").isTrue();
        assertThat(acceptor.changes).isEqualTo(2);
    }

    @Test
    void connectionsThatSayNothingStopCountingSoTheyCannotLockChargersOut() {
        open(10);
        assertThat(acceptor.accepting).isFalse();
        nanos.addAndGet(Duration.ofMillis(1_999).toNanos());
        limit.check();
        assertThat(acceptor.accepting).as("not yet stalled").isFalse();
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        limit.check(); // the server's one-second timer
        assertThat(acceptor.accepting).isTrue();
        assertThat(limit.inProgress()).isZero();
    }

    @Test
    void heldItTakesNothingUntilReleasedThenAsTheLimitAllows() {
        limit.hold();
        assertThat(acceptor.accepting).isFalse();
        List<Connection> handshakes = open(10);
        limit.check();
        handshakes.forEach(limit::onClosed);
        limit.check();
        assertThat(acceptor.accepting).as("held, whatever the handshakes in progress").isFalse();

        limit.release();
        assertThat(acceptor.accepting).isTrue();
        open(10);
        assertThat(acceptor.accepting).as("the limit applies again").isFalse();
    }

    @Test
    void releasedWhileManyHandshakesAreInProgressItWaitsForHalfOfThem() {
        List<Connection> handshakes = open(10);
        limit.hold();
        limit.release();
        assertThat(acceptor.accepting).isFalse();
        for (int i = 0; i < 5; i++) {
            limit.onClosed(handshakes.remove(0));
        }
        assertThat(acceptor.accepting).isTrue();
    }

    @Test
    void afterStopNothingIsSwitched() {
        open(9);
        limit.stop();
        open(5);
        assertThat(acceptor.accepting).isTrue();
        assertThat(acceptor.changes).isZero();
    }

    private List<Connection> open(int count) {
        List<Connection> connections = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            Connection connection = (Connection) Proxy.newProxyInstance(getClass().getClassLoader(),
                    new Class<?>[] {Connection.class}, (proxy, method, args) -> switch (method.getName()) {
                        case "hashCode" -> System.identityHashCode(proxy);
                        case "equals" -> proxy == args[0];
                        default -> throw new UnsupportedOperationException(method.getName());
                    });
            limit.onOpened(connection);
            connections.add(connection);
        }
        return connections;
    }

    private static final class FakeAcceptor implements HandshakeLimit.Acceptor {
        boolean accepting = true;
        int changes;

        @Override
        public boolean isAccepting() {
            return accepting;
        }

        @Override
        public void setAccepting(boolean accepting) {
            this.accepting = accepting;
            changes++;
        }
    }
}
