package org.chargingmanager.ocpp.server.internal;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

import org.chargingmanager.ocpp.server.Reservation;
import org.chargingmanager.ocpp.v16.CancelReservationConfirmation;
import org.chargingmanager.ocpp.v16.CancelReservationRequest;
import org.chargingmanager.ocpp.v16.CancelReservationStatus;
import org.chargingmanager.ocpp.v16.ChargePointStatus;
import org.chargingmanager.ocpp.v16.Confirmation;
import org.chargingmanager.ocpp.v16.Request;
import org.chargingmanager.ocpp.v16.ReservationStatus;
import org.chargingmanager.ocpp.v16.ReserveNowConfirmation;
import org.chargingmanager.ocpp.v16.ReserveNowRequest;
import org.chargingmanager.ocpp.v16.StartTransactionRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The active reservations of one charge point, as far as the central system can tell: added
 * when the charge point accepts a ReserveNow (a new one with the same id replaces the old, as
 * in OCPP 1.6 §5.13), ended by an accepted CancelReservation, by a StartTransaction carrying
 * its reservationId (or, without one, by its idTag on the reserved connector), by its expiry
 * date, or when the connector went from Reserved straight to Available (the charge point
 * released it). Thread safe.
 */
final class Reservations {

    private static final Logger LOG = LoggerFactory.getLogger(Reservations.class);

    private final String chargeBoxId;
    private final Map<Integer, Reservation> byId = new TreeMap<>();
    /** Reservation ids whose connector has reported Reserved since. */
    private final Set<Integer> seenReserved = new HashSet<>();

    Reservations(String chargeBoxId) {
        this.chargeBoxId = chargeBoxId;
    }

    /** The active ones at {@code now}, by connector then id; expired ones are dropped. */
    synchronized List<Reservation> active(Instant now) {
        byId.values().removeIf(reservation -> {
            boolean expired = !reservation.expiryDate().isAfter(now);
            if (expired) {
                LOG.info("chargeBox={} reservation {} expired at {}", chargeBoxId, reservation.reservationId(),
                        reservation.expiryDate());
                seenReserved.remove(reservation.reservationId());
            }
            return expired;
        });
        List<Reservation> all = new ArrayList<>(byId.values());
        all.sort(Comparator.comparingInt(Reservation::connectorId).thenComparingInt(Reservation::reservationId));
        return all;
    }

    /** An operator CALL got its confirmation: track ReserveNow and CancelReservation. */
    void answered(Request request, Confirmation confirmation) {
        if (request instanceof ReserveNowRequest reserve && confirmation instanceof ReserveNowConfirmation answer) {
            if (answer.status() == ReservationStatus.ACCEPTED) {
                synchronized (this) {
                    byId.put(reserve.reservationId(), new Reservation(reserve.reservationId(), reserve.connectorId(),
                            reserve.idTag(), reserve.parentIdTag(), reserve.expiryDate()));
                    seenReserved.remove(reserve.reservationId());
                }
                LOG.info("chargeBox={} reservation {} of connector {} for idTag={} until {} accepted", chargeBoxId,
                        reserve.reservationId(), reserve.connectorId(), reserve.idTag(), reserve.expiryDate());
            } else {
                LOG.info("chargeBox={} reservation {} of connector {} not made: {}", chargeBoxId,
                        reserve.reservationId(), reserve.connectorId(), answer.status().wireValue());
            }
        } else if (request instanceof CancelReservationRequest cancel
                && confirmation instanceof CancelReservationConfirmation answer) {
            if (answer.status() == CancelReservationStatus.ACCEPTED) {
                end(cancel.reservationId(), "cancelled");
            } else {
                // the charge point does not know it (any more): it is not active there
                boolean known = end(cancel.reservationId(), "unknown to the charge point (CancelReservation Rejected)");
                if (!known) {
                    LOG.info("chargeBox={} CancelReservation {} rejected", chargeBoxId, cancel.reservationId());
                }
            }
        }
    }

    /**
     * A StartTransaction: the reservation it names ends; without a reservationId, a reservation
     * of this connector (or of the whole charge point) for the same idTag or parent ends too.
     *
     * @param parentIdTag the parent of the starting idTag as the authorizer knows it, or null
     * @return the reservation used, or null
     */
    synchronized Reservation transactionStarted(StartTransactionRequest start, String parentIdTag) {
        Reservation used = start.reservationId() == null ? null : byId.get(start.reservationId());
        if (start.reservationId() != null && used == null) {
            LOG.warn("chargeBox={} StartTransaction on connector {} names reservation {}, which is not known as active",
                    chargeBoxId, start.connectorId(), start.reservationId());
            return null;
        }
        if (used == null) {
            used = byId.values().stream()
                    .filter(r -> r.connectorId() == start.connectorId() || r.connectorId() == 0)
                    .filter(r -> matches(r, start.idTag(), parentIdTag))
                    .max(Comparator.comparingInt(Reservation::connectorId)).orElse(null);
            if (used == null) {
                byId.values().stream().filter(r -> r.connectorId() == start.connectorId()).findFirst().ifPresent(r ->
                        LOG.warn("chargeBox={} connector {} reserved ({}) for idTag={} started a transaction for idTag={}",
                                chargeBoxId, start.connectorId(), r.reservationId(), r.idTag(), start.idTag()));
                return null;
            }
        } else if (!matches(used, start.idTag(), parentIdTag)) {
            LOG.warn("chargeBox={} reservation {} for idTag={} parentIdTag={} used by idTag={} (parentIdTag={})",
                    chargeBoxId, used.reservationId(), used.idTag(), used.parentIdTag(), start.idTag(), parentIdTag);
        }
        end(used.reservationId(), "used by a transaction on connector " + start.connectorId() + " for idTag=" + start.idTag());
        return used;
    }

    /**
     * A StatusNotification: Reserved marks the connector's reservations as shown; going from
     * Reserved straight to Available means the charge point released them (expired or cancelled
     * there). Any other status (Preparing for the reserved idTag, Faulted, Unavailable) keeps them.
     */
    synchronized void status(int connectorId, ChargePointStatus status) {
        List<Integer> ids = byId.values().stream().filter(r -> r.connectorId() == connectorId)
                .map(Reservation::reservationId).toList();
        for (Integer id : ids) {
            if (status == ChargePointStatus.RESERVED) {
                seenReserved.add(id);
            } else if (status == ChargePointStatus.AVAILABLE && seenReserved.contains(id)) {
                end(id, "released by the charge point (connector " + connectorId + " Reserved, now Available)");
            } else {
                seenReserved.remove(id);
            }
        }
    }

    private synchronized boolean end(int reservationId, String why) {
        Reservation ended = byId.remove(reservationId);
        seenReserved.remove(reservationId);
        if (ended != null) {
            LOG.info("chargeBox={} reservation {} of connector {} ended: {}", chargeBoxId, reservationId,
                    ended.connectorId(), why);
        }
        return ended != null;
    }

    private static boolean matches(Reservation reservation, String idTag, String parentIdTag) {
        return reservation.idTag().equalsIgnoreCase(idTag)
                || (reservation.parentIdTag() != null && reservation.parentIdTag().equalsIgnoreCase(parentIdTag));
    }
}
