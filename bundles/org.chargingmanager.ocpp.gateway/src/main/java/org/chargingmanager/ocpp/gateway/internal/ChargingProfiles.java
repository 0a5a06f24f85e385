package org.chargingmanager.ocpp.gateway.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeSet;

import org.chargingmanager.ocpp.v16.ChargingProfile;
import org.chargingmanager.ocpp.v16.ChargingProfileKind;
import org.chargingmanager.ocpp.v16.ChargingProfilePurpose;
import org.chargingmanager.ocpp.v16.ChargingProfileStatus;
import org.chargingmanager.ocpp.v16.ChargingRateUnit;
import org.chargingmanager.ocpp.v16.ChargingSchedule;
import org.chargingmanager.ocpp.v16.ChargingSchedulePeriod;
import org.chargingmanager.ocpp.v16.ClearChargingProfileRequest;
import org.chargingmanager.ocpp.v16.RecurrencyKind;

/**
 * The charging profiles the backend installed on one charge point, and what they allow at a
 * given time (OCPP 1.6 §3.13): per purpose the valid profile with the highest stack level;
 * ChargePointMaxProfile (connector 0) bounds everything; a TxProfile of the running
 * transaction replaces the TxDefaultProfile (of the connector, else of connector 0). Limits in
 * W are turned into A per phase at {@value #NOMINAL_VOLTS} V. Pure, not thread-safe.
 */
final class ChargingProfiles {

    static final double NOMINAL_VOLTS = 230.0;
    static final int MAX_STACK_LEVEL = 10;
    static final int MAX_PERIODS = 24;
    static final int MAX_PROFILES = 20;

    /** An installed profile with the connector it is for and when it arrived. */
    private record Installed(int connectorId, ChargingProfile profile, Instant installedAt) {
    }

    private final List<Installed> installed = new ArrayList<>();

    /**
     * The installed profiles as text, one per line ({@code installedAt TAB SetChargingProfile payload}),
     * so they survive a restart: the backend's limit must hold before it sends its profiles again.
     */
    String save(org.chargingmanager.ocpp.v16.Ocpp16JsonCodec codec) {
        StringBuilder text = new StringBuilder();
        for (Installed entry : installed) {
            text.append(entry.installedAt()).append('\t').append(codec.encodePayload(
                    new org.chargingmanager.ocpp.v16.SetChargingProfileRequest(entry.connectorId(), entry.profile())))
                    .append('\n');
        }
        return text.toString();
    }

    /** Reads what {@link #save} wrote, as a central system's codec reads SetChargingProfile; bad lines are skipped. */
    int load(String text, org.chargingmanager.ocpp.v16.Ocpp16JsonCodec centralSystemCodec) {
        int skipped = 0;
        for (String line : text.split("\n")) {
            int tab = line.indexOf('\t');
            if (tab < 0) {
                continue;
            }
            try {
                var request = (org.chargingmanager.ocpp.v16.SetChargingProfileRequest) centralSystemCodec
                        .decodeRequestPayload(org.chargingmanager.ocpp.v16.Action.SET_CHARGING_PROFILE,
                                line.substring(tab + 1));
                installed.add(new Installed(request.connectorId(), request.csChargingProfiles(),
                        Instant.parse(line.substring(0, tab))));
            } catch (RuntimeException e) {
                skipped++;
            }
        }
        return skipped;
    }

    /**
     * Installs a profile as SetChargingProfile asks.
     *
     * @param runningTransactionId the backend's ID of the transaction on that connector, or null
     */
    ChargingProfileStatus set(int connectorId, ChargingProfile profile, Integer runningTransactionId, Instant now) {
        ChargingProfilePurpose purpose = profile.chargingProfilePurpose();
        if (profile.stackLevel() > MAX_STACK_LEVEL
                || profile.chargingSchedule().chargingSchedulePeriod().size() > MAX_PERIODS) {
            return ChargingProfileStatus.REJECTED;
        }
        if (purpose == ChargingProfilePurpose.CHARGE_POINT_MAX_PROFILE && connectorId != 0) {
            return ChargingProfileStatus.REJECTED;
        }
        if (purpose == ChargingProfilePurpose.TX_PROFILE) {
            if (connectorId == 0 || runningTransactionId == null || (profile.transactionId() != null
                    && !profile.transactionId().equals(runningTransactionId))) {
                return ChargingProfileStatus.REJECTED;
            }
        }
        installed.removeIf(old -> old.profile().chargingProfileId() == profile.chargingProfileId()
                || (old.connectorId() == connectorId && old.profile().stackLevel() == profile.stackLevel()
                        && old.profile().chargingProfilePurpose() == purpose));
        if (installed.size() >= MAX_PROFILES) {
            return ChargingProfileStatus.REJECTED;
        }
        installed.add(new Installed(connectorId, profile, now));
        return ChargingProfileStatus.ACCEPTED;
    }

    /** @return whether any profile was removed */
    boolean clear(ClearChargingProfileRequest request) {
        return installed.removeIf(entry -> {
            ChargingProfile profile = entry.profile();
            if (request.id() != null) {
                return profile.chargingProfileId() == request.id();
            }
            return (request.connectorId() == null || request.connectorId() == entry.connectorId())
                    && (request.chargingProfilePurpose() == null
                            || request.chargingProfilePurpose() == profile.chargingProfilePurpose())
                    && (request.stackLevel() == null || request.stackLevel() == profile.stackLevel());
        });
    }

    /** The transaction ended: its TxProfiles go. */
    void transactionEnded(int connectorId) {
        installed.removeIf(entry -> entry.connectorId() == connectorId
                && entry.profile().chargingProfilePurpose() == ChargingProfilePurpose.TX_PROFILE);
    }

    int size() {
        return installed.size();
    }

    /**
     * The current per phase the profiles allow at {@code at} in A; empty when none applies.
     *
     * @param transactionStart the start of the running transaction (for relative profiles), or null
     */
    OptionalDouble limitAmps(int connectorId, Instant at, Instant transactionStart, int phases) {
        OptionalDouble max = purposeLimit(ChargingProfilePurpose.CHARGE_POINT_MAX_PROFILE, 0, at, transactionStart,
                phases);
        OptionalDouble tx = transactionStart == null ? OptionalDouble.empty()
                : purposeLimit(ChargingProfilePurpose.TX_PROFILE, connectorId, at, transactionStart, phases);
        if (tx.isEmpty()) {
            tx = purposeLimit(ChargingProfilePurpose.TX_DEFAULT_PROFILE, connectorId, at, transactionStart, phases);
            if (tx.isEmpty()) {
                tx = purposeLimit(ChargingProfilePurpose.TX_DEFAULT_PROFILE, 0, at, transactionStart, phases);
            }
        }
        if (max.isEmpty()) {
            return tx;
        }
        if (tx.isEmpty()) {
            return max;
        }
        return OptionalDouble.of(Math.min(max.getAsDouble(), tx.getAsDouble()));
    }

    private OptionalDouble purposeLimit(ChargingProfilePurpose purpose, int connectorId, Instant at,
            Instant transactionStart, int phases) {
        return installed.stream()
                .filter(entry -> entry.connectorId() == connectorId
                        && entry.profile().chargingProfilePurpose() == purpose)
                .sorted(Comparator.comparingInt((Installed entry) -> entry.profile().stackLevel()).reversed())
                .map(entry -> limitOf(entry, at, transactionStart, phases))
                .filter(Optional::isPresent).map(Optional::get).findFirst()
                .map(OptionalDouble::of).orElse(OptionalDouble.empty());
    }

    private static Optional<Double> limitOf(Installed entry, Instant at, Instant transactionStart, int phases) {
        ChargingProfile profile = entry.profile();
        if ((profile.validFrom() != null && at.isBefore(profile.validFrom()))
                || (profile.validTo() != null && !at.isBefore(profile.validTo()))) {
            return Optional.empty();
        }
        ChargingSchedule schedule = profile.chargingSchedule();
        Instant start = scheduleStart(entry, at, transactionStart);
        if (start == null || at.isBefore(start)) {
            return Optional.empty();
        }
        long elapsed = Duration.between(start, at).getSeconds();
        if (schedule.duration() != null && elapsed >= schedule.duration()) {
            return Optional.empty();
        }
        ChargingSchedulePeriod current = null;
        for (ChargingSchedulePeriod period : schedule.chargingSchedulePeriod()) {
            if (period.startPeriod() <= elapsed && (current == null || period.startPeriod() >= current.startPeriod())) {
                current = period;
            }
        }
        if (current == null) {
            return Optional.empty();
        }
        int periodPhases = current.numberPhases() == null ? phases : current.numberPhases();
        double amps = schedule.chargingRateUnit() == ChargingRateUnit.WATTS
                ? current.limit() / (NOMINAL_VOLTS * Math.max(1, periodPhases)) : current.limit();
        return Optional.of(amps);
    }

    private static Instant scheduleStart(Installed entry, Instant at, Instant transactionStart) {
        ChargingProfile profile = entry.profile();
        Instant configured = profile.chargingSchedule().startSchedule();
        if (profile.chargingProfileKind() == ChargingProfileKind.RELATIVE) {
            return transactionStart == null ? at : transactionStart;
        }
        Instant start = configured != null ? configured : entry.installedAt();
        if (profile.chargingProfileKind() == ChargingProfileKind.RECURRING && !at.isBefore(start)) {
            long period = profile.recurrencyKind() == RecurrencyKind.WEEKLY ? 7 * 86_400 : 86_400;
            long cycles = Duration.between(start, at).getSeconds() / period;
            return start.plusSeconds(cycles * period);
        }
        return start;
    }

    /**
     * What applies from {@code from} for {@code durationSeconds}: the profiles' minimum, and in
     * the first period also {@code nowAmps} (the limit the charging point works with now, which
     * includes the local load manager's), in the unit asked for.
     */
    ChargingSchedule composite(int connectorId, Instant from, int durationSeconds, ChargingRateUnit unit,
            Instant transactionStart, int phases, double nowAmps, double maxAmps) {
        TreeSet<Long> boundaries = new TreeSet<>();
        boundaries.add(0L);
        for (Installed entry : installed) {
            for (long offset = 0; offset <= durationSeconds; offset += 3600) {
                Instant probe = from.plusSeconds(offset);
                Instant start = scheduleStart(entry, probe, transactionStart);
                if (start == null) {
                    continue;
                }
                addBoundary(boundaries, from, start, durationSeconds);
                for (ChargingSchedulePeriod period : entry.profile().chargingSchedule().chargingSchedulePeriod()) {
                    addBoundary(boundaries, from, start.plusSeconds(period.startPeriod()), durationSeconds);
                }
                Integer scheduleDuration = entry.profile().chargingSchedule().duration();
                if (scheduleDuration != null) {
                    addBoundary(boundaries, from, start.plusSeconds(scheduleDuration), durationSeconds);
                }
            }
            if (entry.profile().validFrom() != null) {
                addBoundary(boundaries, from, entry.profile().validFrom(), durationSeconds);
            }
            if (entry.profile().validTo() != null) {
                addBoundary(boundaries, from, entry.profile().validTo(), durationSeconds);
            }
        }
        List<ChargingSchedulePeriod> periods = new ArrayList<>();
        Double previous = null;
        for (long offset : boundaries) {
            OptionalDouble limit = limitAmps(connectorId, from.plusSeconds(offset), transactionStart, phases);
            double amps = Math.min(limit.orElse(maxAmps), maxAmps);
            if (offset == 0) {
                amps = Math.min(amps, nowAmps);
            }
            amps = Math.floor(amps * 10) / 10;
            if (previous != null && previous == amps) {
                continue;
            }
            previous = amps;
            double value = unit == ChargingRateUnit.WATTS ? Math.floor(amps * NOMINAL_VOLTS * phases * 10) / 10 : amps;
            periods.add(new ChargingSchedulePeriod((int) offset, value, phases));
        }
        return new ChargingSchedule(durationSeconds, from, unit, periods, null);
    }

    private static void addBoundary(TreeSet<Long> boundaries, Instant from, Instant at, int durationSeconds) {
        long offset = Duration.between(from, at).getSeconds();
        if (offset > 0 && offset < durationSeconds) {
            boundaries.add(offset);
        }
    }
}
