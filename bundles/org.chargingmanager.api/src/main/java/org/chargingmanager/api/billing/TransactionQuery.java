package org.chargingmanager.api.billing;

import java.time.Instant;

/**
 * A filter over the transaction log. Every filter field may be {@code null} for "any".
 *
 * @param from sessions that started at or after this instant
 * @param to sessions that started before this instant
 * @param evseId only this charging point
 * @param userId only this user
 * @param offset how many matching sessions to skip, oldest first
 * @param limit at most this many; 0 for all
 */
public record TransactionQuery(Instant from, Instant to, String evseId, String userId, long offset, int limit) {

    public static final TransactionQuery ALL = new TransactionQuery(null, null, null, null, 0, 0);
}
