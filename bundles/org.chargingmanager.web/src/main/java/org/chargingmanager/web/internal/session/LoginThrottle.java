package org.chargingmanager.web.internal.session;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The lock-out after wrong passwords at the login form, per client address: the first
 * {@link #FREE_ATTEMPTS} wrong passwords cost nothing, each further one locks that address out for
 * twice as long as the one before (1 s, 2 s, 4 s ... at most {@link #MAXIMUM_LOCK}). A right
 * password resets the count. A login while locked out is refused without checking the password,
 * so guessing is slowed down however fast the client is.
 */
public final class LoginThrottle {

    static final int FREE_ATTEMPTS = 3;
    static final Duration MAXIMUM_LOCK = Duration.ofMinutes(5);
    static final int MAXIMUM_TRACKED_ADDRESSES = 10_000;

    private record Failures(int count, Instant lockedUntil) {
    }

    private final Clock clock;
    private final Map<String, Failures> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock) {
        this.clock = clock;
    }

    /** How long {@code address} must still wait before its next attempt; zero if it may try now. */
    public Duration lockedFor(String address) {
        Failures entry = failures.get(address);
        if (entry == null) {
            return Duration.ZERO;
        }
        Duration left = Duration.between(clock.instant(), entry.lockedUntil());
        return left.isNegative() ? Duration.ZERO : left;
    }

    /** Records a wrong password; returns the lock-out it causes (zero for the first few). */
    public Duration failed(String address) {
        if (failures.size() >= MAXIMUM_TRACKED_ADDRESSES) {
            Instant now = clock.instant();
            failures.values().removeIf(entry -> entry.lockedUntil().isBefore(now.minus(MAXIMUM_LOCK)));
        }
        Failures updated = failures.compute(address, (key, old) -> {
            int count = old == null ? 1 : old.count() + 1;
            return new Failures(count, clock.instant().plus(lock(count)));
        });
        return lock(updated.count());
    }

    public void succeeded(String address) {
        failures.remove(address);
    }

    static Duration lock(int failureCount) {
        if (failureCount <= FREE_ATTEMPTS) {
            return Duration.ZERO;
        }
        int exponent = Math.min(failureCount - FREE_ATTEMPTS - 1, 16);
        Duration lock = Duration.ofSeconds(1L << exponent);
        return lock.compareTo(MAXIMUM_LOCK) > 0 ? MAXIMUM_LOCK : lock;
    }
}
