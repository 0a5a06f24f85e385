package org.chargingmanager.web.internal.session;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.chargingmanager.testkit.MutableClock;
import org.junit.jupiter.api.Test;

class SessionStoreTest {

    private final MutableClock clock = new MutableClock();
    private final SessionStore store = new SessionStore(clock);

    @Test
    void aSessionHasRandomIdAndTokenAndIsFoundByItsId() {
        WebSession first = store.create("admin");
        WebSession second = store.create("admin");

        assertThat(first.id()).hasSizeGreaterThanOrEqualTo(43).isNotEqualTo(second.id()).isNotEqualTo(first.csrfToken());
        assertThat(store.find(first.id())).map(WebSession::user).contains("admin");
        assertThat(store.find("guessed")).isEmpty();
        assertThat(store.find(null)).isEmpty();
        assertThat(first.toString()).doesNotContain(first.id()).doesNotContain(first.csrfToken());
    }

    @Test
    void aSessionEndsWhenIdleAndAfterItsMaximumAgeEvenWhenUsed() {
        WebSession idle = store.create("admin");
        clock.advance(SessionStore.IDLE_TIMEOUT);
        assertThat(store.find(idle.id())).isEmpty();

        WebSession busy = store.create("admin");
        for (Duration used = Duration.ZERO; used.compareTo(SessionStore.MAXIMUM_AGE) < 0; used = used.plusHours(1)) {
            assertThat(store.find(busy.id())).isPresent();
            clock.advance(Duration.ofHours(1));
        }
        assertThat(store.find(busy.id())).isEmpty();
    }

    @Test
    void logoutAndPasswordChangeEndSessions() {
        WebSession mine = store.create("admin");
        WebSession other = store.create("admin");
        store.removeAllExcept(mine.id());
        assertThat(store.find(other.id())).isEmpty();
        assertThat(store.find(mine.id())).isPresent();
        store.remove(mine.id());
        assertThat(store.find(mine.id())).isEmpty();
    }

    @Test
    void theNumberOfSessionsIsBoundedTheOldestGoesFirst() {
        WebSession oldest = store.create("admin");
        clock.advance(Duration.ofSeconds(1));
        for (int i = 0; i < SessionStore.MAXIMUM_SESSIONS; i++) {
            store.create("admin");
        }
        assertThat(store.size()).isEqualTo(SessionStore.MAXIMUM_SESSIONS);
        assertThat(store.find(oldest.id())).isEmpty();
    }

    @Test
    void theCsrfTokenMustMatchExactly() {
        WebSession session = store.create("admin");
        assertThat(SessionStore.csrfMatches(session, session.csrfToken())).isTrue();
        assertThat(SessionStore.csrfMatches(session, null)).isFalse();
        assertThat(SessionStore.csrfMatches(session, "")).isFalse();
        assertThat(SessionStore.csrfMatches(session, session.csrfToken() + "x")).isFalse();
    }
}
