package org.chargingmanager.ocpp.gateway.internal;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Function;

import org.chargingmanager.api.evse.ChargingCap;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.ocpp.v16.ChargingProfileStatus;
import org.chargingmanager.ocpp.v16.ChargingRateUnit;
import org.chargingmanager.ocpp.v16.ClearChargingProfileConfirmation;
import org.chargingmanager.ocpp.v16.ClearChargingProfileRequest;
import org.chargingmanager.ocpp.v16.ClearChargingProfileStatus;
import org.chargingmanager.ocpp.v16.GetCompositeScheduleConfirmation;
import org.chargingmanager.ocpp.v16.GetCompositeScheduleRequest;
import org.chargingmanager.ocpp.v16.GetCompositeScheduleStatus;
import org.chargingmanager.ocpp.v16.Ocpp16JsonCodec;
import org.chargingmanager.ocpp.v16.Role;
import org.chargingmanager.ocpp.v16.SetChargingProfileConfirmation;
import org.chargingmanager.ocpp.v16.SetChargingProfileRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The backend's charging profiles for a passed-through wallbox: kept here (and in a file), never
 * sent to the wallbox, and turned into one {@link ChargingCap} per connector, so the load manager
 * gives the wallbox the minimum of its own limit and the backend's (issue 13, item 5), exactly as
 * for a virtual charge point. GetCompositeSchedule answers with what applies. Runs on the
 * gateway's thread; the caps read a volatile value.
 */
final class ProfileCaps {

    private static final Logger LOG = LoggerFactory.getLogger(ProfileCaps.class);

    /** The cap of one connector: -1 no limit from the backend. */
    private final class Cap implements ChargingCap {
        final int connectorId;
        final String evseId;
        volatile int milliamps = -1;

        Cap(int connectorId, String evseId) {
            this.connectorId = connectorId;
            this.evseId = evseId;
        }

        @Override
        public String evseId() {
            return evseId;
        }

        @Override
        public OptionalInt maxCurrentMilliamps(Instant now) {
            int cap = milliamps;
            return cap < 0 ? OptionalInt.empty() : OptionalInt.of(cap);
        }

        @Override
        public String source() {
            return "OCPP backend " + name;
        }
    }

    private final String name;
    private final Function<String, Evse> evses;
    private final Path file;
    private final ChargingProfiles profiles = new ChargingProfiles();
    private final List<Cap> caps = new ArrayList<>();

    ProfileCaps(GatewaySettings settings, Function<String, Evse> evses, Path file) {
        this.name = settings.chargeBoxId();
        this.evses = evses;
        this.file = file;
        List<String> ids = settings.passThroughEvseIds();
        for (int i = 0; i < ids.size(); i++) {
            caps.add(new Cap(i + 1, ids.get(i)));
        }
        if (Files.exists(file)) {
            try {
                int skipped = profiles.load(Files.readString(file), Ocpp16JsonCodec.forRole(Role.CENTRAL_SYSTEM));
                LOG.info("chargeBox={} {} charging profile(s) of the backend restored{}", name, profiles.size(),
                        skipped == 0 ? "" : ", " + skipped + " unreadable skipped");
            } catch (IOException e) {
                LOG.warn("chargeBox={} cannot read {}: {}", name, file, e.toString());
            }
        }
    }

    List<ChargingCap> caps() {
        return List.copyOf(caps);
    }

    /**
     * @param transactionStart when the connector's running transaction started, or null
     * @param runningTransactionId the backend's ID of the connector's running transaction, or null
     */
    SetChargingProfileConfirmation set(SetChargingProfileRequest set, Integer runningTransactionId, Instant now) {
        if (set.connectorId() > caps.size()) {
            return new SetChargingProfileConfirmation(ChargingProfileStatus.REJECTED);
        }
        ChargingProfileStatus status = profiles.set(set.connectorId(), set.csChargingProfiles(), runningTransactionId,
                now);
        save();
        LOG.info("chargeBox={} connector={} {} {} from the backend: {}", name, set.connectorId(),
                set.csChargingProfiles().chargingProfilePurpose().wireValue(),
                set.csChargingProfiles().chargingProfileId(), status.wireValue());
        return new SetChargingProfileConfirmation(status);
    }

    ClearChargingProfileConfirmation clear(ClearChargingProfileRequest clear) {
        boolean removed = profiles.clear(clear);
        save();
        return new ClearChargingProfileConfirmation(removed ? ClearChargingProfileStatus.ACCEPTED
                : ClearChargingProfileStatus.UNKNOWN);
    }

    GetCompositeScheduleConfirmation composite(GetCompositeScheduleRequest get, Instant transactionStart, Instant now) {
        if (get.connectorId() > caps.size()) {
            return new GetCompositeScheduleConfirmation(GetCompositeScheduleStatus.REJECTED, null, null, null);
        }
        ChargingRateUnit unit = get.chargingRateUnit() == null ? ChargingRateUnit.AMPERES : get.chargingRateUnit();
        Evse evse = get.connectorId() == 0 ? null : evses.apply(caps.get(get.connectorId() - 1).evseId);
        int phases = evse == null ? 3 : evse.info().phases();
        double maxAmps = evse == null ? 32 : evse.info().maxCurrentMilliamps() / 1000.0;
        double nowAmps = evse == null ? maxAmps : evse.snapshot().appliedLimit().currentMilliamps() / 1000.0;
        var schedule = profiles.composite(get.connectorId(), now, get.duration(), unit, transactionStart, phases,
                nowAmps, maxAmps);
        return new GetCompositeScheduleConfirmation(GetCompositeScheduleStatus.ACCEPTED, get.connectorId(), now,
                schedule);
    }

    void transactionEnded(int connectorId) {
        profiles.transactionEnded(connectorId);
        save();
    }

    /** Recomputes each connector's cap. @param transactionStarts by connector ID, null when none runs */
    void update(Instant now, Function<Integer, Instant> transactionStarts) {
        for (Cap cap : caps) {
            Evse evse = evses.apply(cap.evseId);
            OptionalDouble amps = profiles.limitAmps(cap.connectorId, now, transactionStarts.apply(cap.connectorId),
                    evse == null ? 3 : evse.info().phases());
            cap.milliamps = amps.isEmpty() ? -1 : (int) Math.floor(amps.getAsDouble() * 1000);
        }
    }

    private void save() {
        try {
            Files.createDirectories(file.getParent());
            Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
            Files.writeString(temporary, profiles.save(Ocpp16JsonCodec.forRole(Role.CHARGE_POINT)));
            Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.warn("chargeBox={} cannot write {}: {}", name, file, e.toString());
        }
    }
}
