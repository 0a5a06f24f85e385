package org.chargingmanager.wallbox.keba.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.chargingmanager.api.device.DeviceIdentity;
import org.chargingmanager.api.device.EnergyRegister;
import org.chargingmanager.api.device.PhaseCurrents;
import org.chargingmanager.api.evse.ChargingLimit;
import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.api.evse.EvseCapabilities;
import org.chargingmanager.api.evse.EvseInfo;
import org.chargingmanager.api.evse.EvseSnapshot;
import org.chargingmanager.api.evse.EvseState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One KEBA KeContact charging point over UDP. {@link #tick()} runs often (every few tens of milliseconds) in the
 * driver's thread and sends at most one command, the most urgent one the box's spacing rules allow now; what the box
 * sends comes in through {@link #received(String, Instant)} in the socket's thread. One command is in flight at a
 * time: the next waits for the answer or the timeout.
 *
 * <p>What the box has is learnt from report 2 ({@code Curr user}, {@code Enable user}, {@code Tmo FS}): a setting
 * that differs from what is wanted is sent (again), so a box that rebooted, or whose failsafe fired, gets its
 * settings back without a special case. The current is sent again as a heartbeat well within the failsafe timeout.
 * Outside OSGi so tests drive it with a clock and a simulator.
 */
final class KebaCharger implements Evse {

    static final String DRIVER = "keba";

    /** Sends a command to the box. */
    interface Link {
        void send(String command) throws IOException;
    }

    private static final Logger LOG = LoggerFactory.getLogger(KebaCharger.class);
    private static final int RESOLUTION_MILLIAMPS = 100;
    private static final int PHASE_IN_USE_MILLIAMPS = 1000;
    private static final double NOMINAL_VOLTS = 230;
    /** Answers missing in a row before the box counts as offline (one lost datagram is not an outage). */
    private static final int MISSED_ANSWERS_OFFLINE = 2;
    /** Report 2's phase-switching source that lets this driver switch with {@code x2}: UDP. */
    static final int PHASE_SWITCH_SOURCE_UDP = 4;
    /** The shortest time between two phase switches (the contactor's sake). */
    static final Duration PHASE_SWITCH_INTERVAL = Duration.ofMinutes(5);
    /** How often report 100 (the session's RFID tag) is asked for while a car is connected. */
    static final Duration SESSION_REPORT_INTERVAL = Duration.ofSeconds(30);

    private record Pending(String command, Instant sentAt) {
    }

    private final KebaSettings settings;
    private final Clock clock;
    private final Link link;
    private final KebaCommandPacer pacer;
    private final EnergyRegister energy = new EnergyRegister();

    private volatile EvseInfo info;
    private volatile EvseSnapshot snapshot;
    private volatile ChargingLimit wanted = ChargingLimit.NOT_ALLOCATED;

    private Pending pending;
    /** What the box has, as far as known; null: unknown, to be sent. */
    private Integer boxMilliamps;
    private Boolean boxEnabled;
    private Boolean boxFailsafeSet;
    private int hardwareMilliamps = Integer.MAX_VALUE;
    private Instant lastLimitCommandAt;
    private Instant report2DueAt = Instant.MIN;
    private Instant report3DueAt = Instant.MIN;
    private boolean identityNeeded = true;
    private KebaMessage.Settings lastSettings;
    private KebaMessage.Measurements lastMeasurements;
    private Instant settingsAt;
    private Instant measurementsAt;
    private long lastSecondsSinceBoot = -1;
    private int missedAnswers;
    private boolean online;
    private String lastProblem;
    private final Set<String> reportedOnce = new HashSet<>();
    private boolean failsafeFiredReported;
    /** X2 as report 2 says: -1 unknown, 0 one phase, 1 three phases; and who may switch. */
    private int boxPhaseSwitch = -1;
    private int boxPhaseSwitchSource = -1;
    private Instant phasesSwitchedAt = Instant.MIN;
    private Instant report100DueAt = Instant.MIN;
    private String sessionTag;
    private boolean reportsTags;
    private boolean sessionReportRefused;

    KebaCharger(KebaSettings settings, Clock clock, Link link, KebaCommandPacer pacer) {
        this.settings = settings;
        this.clock = clock;
        this.link = link;
        this.pacer = pacer;
        this.info = info(DeviceIdentity.UNKNOWN);
        this.snapshot = new EvseSnapshot(settings.evseId(), null, EvseState.OFFLINE, 0, PhaseCurrents.ZERO, 0, 0, null,
                ChargingLimit.NOT_ALLOCATED, null);
    }

    private EvseInfo info(DeviceIdentity identity) {
        return new EvseInfo(settings.evseId(), settings.name(), DRIVER, "udp://" + settings.box().getAddress()
                .getHostAddress() + ":" + settings.box().getPort(), 1, settings.phases(), settings.phaseRotation(),
                settings.minCurrentMilliamps(), settings.maxCurrentMilliamps(), identity,
                new EvseCapabilities(phaseSwitching(), RESOLUTION_MILLIAMPS, reportsTags, false, false));
    }

    /** Wired for three phases, and the box lets UDP switch them ({@code X2 phaseSwitch source} 4). */
    private boolean phaseSwitching() {
        return settings.phases() == 3 && boxPhaseSwitchSource == PHASE_SWITCH_SOURCE_UDP;
    }

    @Override
    public EvseInfo info() {
        return info;
    }

    @Override
    public EvseSnapshot snapshot() {
        return snapshot;
    }

    @Override
    public void applyLimit(ChargingLimit limit) {
        wanted = limit;
    }

    /** Sends the most urgent command the spacing rules allow now, unless one is still waiting for its answer. */
    synchronized void tick() {
        Instant now = clock.instant();
        if (pending != null) {
            if (now.isBefore(pending.sentAt().plus(settings.timeout()))) {
                return;
            }
            String command = pending.command();
            pending = null;
            answerMissing("no answer to \"" + command + "\" within " + settings.timeout().toMillis() + " ms");
        }
        String command = nextCommand(now);
        if (command == null) {
            return;
        }
        pacer.sent(command, now);
        pending = new Pending(command, now);
        if (command.equals("report 2")) {
            report2DueAt = now.plus(settings.pollInterval());
        } else if (command.equals("report 3")) {
            report3DueAt = now.plus(settings.pollInterval());
        } else if (command.equals("report 100")) {
            report100DueAt = now.plus(SESSION_REPORT_INTERVAL);
        } else if (command.startsWith("curr ") || command.startsWith("ena ")) {
            lastLimitCommandAt = now;
        } else if (command.startsWith("x2 ")) {
            phasesSwitchedAt = now;
        }
        try {
            link.send(command);
        } catch (IOException e) {
            pending = null;
            answerMissing("sending \"" + command + "\" failed: " + e.getMessage());
        }
    }

    private String nextCommand(Instant now) {
        List<String> needed = new ArrayList<>(6);
        if (identityNeeded) {
            needed.add("report 1");
        }
        if (online) {
            int target = deviceMilliamps(wanted);
            if (target == 0) {
                if (!Boolean.FALSE.equals(boxEnabled)) {
                    needed.add("ena 0");
                }
            } else if (boxMilliamps == null || boxMilliamps != target) {
                needed.add("curr " + target);
            } else if (!Boolean.TRUE.equals(boxEnabled)) {
                needed.add("ena 1");
            }
            if (settings.failsafe() && !Boolean.TRUE.equals(boxFailsafeSet)) {
                needed.add(settings.failsafeCommand());
            }
            int phases = wanted.phases();
            if (phases != 0 && phaseSwitching() && boxPhaseSwitch != (phases == 3 ? 1 : 0)
                    && !now.isBefore(phasesSwitchedAt.plus(PHASE_SWITCH_INTERVAL))) {
                needed.add("x2 " + (phases == 3 ? 1 : 0));
            }
            if (settings.failsafe() && lastLimitCommandAt != null
                    && !now.isBefore(lastLimitCommandAt.plus(settings.heartbeatInterval()))) {
                needed.add("curr " + (target > 0 ? target : settings.minCurrentMilliamps()));
            }
        }
        if (!now.isBefore(report2DueAt)) {
            needed.add("report 2");
        }
        if (!now.isBefore(report3DueAt)) {
            needed.add("report 3");
        }
        if (!sessionReportRefused && lastSettings != null && lastSettings.carConnected()
                && !now.isBefore(report100DueAt)) {
            needed.add("report 100");
        }
        for (String command : needed) {
            if (pacer.allows(command, now)) {
                return command;
            }
        }
        return null;
    }

    /** The current the box is to be set to: at most its maximum, down to 0.1 A, 0 below the minimum. */
    int deviceMilliamps(ChargingLimit limit) {
        int milliamps = Math.min(limit.currentMilliamps(), Math.min(settings.maxCurrentMilliamps(), hardwareMilliamps));
        milliamps = milliamps / RESOLUTION_MILLIAMPS * RESOLUTION_MILLIAMPS;
        return milliamps < settings.minCurrentMilliamps() ? 0 : milliamps;
    }

    /** Something the box sent. */
    synchronized void received(String text, Instant at) {
        KebaMessage message = KebaMessages.parse(text);
        if (message instanceof KebaMessage.Ack ack) {
            acknowledged(ack, at);
        } else if (message instanceof KebaMessage.Identity identity) {
            answered("report 1", at);
            identified(identity);
        } else if (message instanceof KebaMessage.Settings report) {
            answered("report 2", at);
            settingsReported(report, at);
        } else if (message instanceof KebaMessage.Measurements report) {
            answered("report 3", at);
            measured(report, at);
        } else if (message instanceof KebaMessage.Session session) {
            answered("report 100", at);
            sessionTag = session.rfidTag();
            if (!reportsTags) {
                reportsTags = true;
                info = info(info.identity());
            }
            updateSnapshot();
        } else if (message instanceof KebaMessage.Push push) {
            // the box tells of a change by itself: ask for the full picture as soon as the rules allow
            report2DueAt = Instant.MIN;
            if (push.fields().containsKey("E pres")) {
                report3DueAt = Instant.MIN;
            }
        } else if (message instanceof KebaMessage.Garbage garbage) {
            reportOnce(garbage.problem());
            if (pending != null) {
                pending = null;
                answerMissing(garbage.problem());
            }
        }
    }

    private void acknowledged(KebaMessage.Ack ack, Instant at) {
        if (pending != null && pending.command().equals("report 100") && !ack.ok()) {
            // a firmware without session reports: no tags, and no more asking
            pending = null;
            heard(at);
            sessionReportRefused = true;
            return;
        }
        if (pending == null || pending.command().startsWith("report")) {
            return; // a late answer to a command given up on
        }
        String command = pending.command();
        pending = null;
        heard(at);
        if (!ack.ok()) {
            reportOnce("the box refuses \"" + command + "\"");
            return;
        }
        if (command.startsWith("curr ")) {
            boxMilliamps = Integer.parseInt(command.substring(5));
        } else if (command.equals("ena 1") || command.equals("ena 0")) {
            boxEnabled = command.equals("ena 1");
        } else if (command.startsWith("failsafe ")) {
            boxFailsafeSet = true;
        } else if (command.startsWith("x2 ")) {
            boxPhaseSwitch = Integer.parseInt(command.substring(3));
        }
        updateApplied();
    }

    private void answered(String report, Instant at) {
        if (pending != null && pending.command().equals(report)) {
            pending = null;
        }
        heard(at);
    }

    private void identified(KebaMessage.Identity report) {
        identityNeeded = false;
        DeviceIdentity identity = new DeviceIdentity("KEBA", report.product(), report.serial(), report.firmware());
        if (!identity.equals(info.identity())) {
            if (info.identity().equals(DeviceIdentity.UNKNOWN)) {
                LOG.info("KEBA wallbox {} at {}: {}, serial {}, firmware {}", settings.evseId(), settings.box(),
                        report.product(), report.serial(), report.firmware());
            } else {
                LOG.info("KEBA wallbox {} at {} now reports {}, serial {}, firmware {}", settings.evseId(),
                        settings.box(), report.product(), report.serial(), report.firmware());
            }
            info = info(identity);
        }
    }

    private void settingsReported(KebaMessage.Settings report, Instant at) {
        if (lastSecondsSinceBoot >= 0 && report.secondsSinceBoot() < lastSecondsSinceBoot) {
            LOG.info("KEBA wallbox {} has restarted; setting its failsafe and current again", settings.evseId());
            identityNeeded = true;
        }
        lastSecondsSinceBoot = report.secondsSinceBoot();
        hardwareMilliamps = report.hardwareCurrentMilliamps() >= 6000 ? report.hardwareCurrentMilliamps()
                : Integer.MAX_VALUE;
        boxMilliamps = report.userCurrentMilliamps();
        boxEnabled = report.enableUser();
        boolean couldSwitch = phaseSwitching();
        boxPhaseSwitchSource = report.phaseSwitchSource();
        boxPhaseSwitch = report.phaseSwitch();
        if (couldSwitch != phaseSwitching()) {
            LOG.info("KEBA wallbox {}: phase switching by UDP {}", settings.evseId(),
                    phaseSwitching() ? "possible (X2 phaseSwitch source 4)" : "not possible");
            info = info(info.identity());
        }
        if (!report.carConnected()) {
            sessionTag = null;
            report100DueAt = Instant.MIN;
        }
        boxFailsafeSet = report.failsafeTimeoutSeconds() == settings.failsafeTimeout().toSeconds()
                && (!settings.failsafe() || report.failsafeMilliamps() == settings.failsafeMilliamps());
        // the guide: "Enable sys" 0 and "Max curr" equal to "Curr FS"; a box that keeps charging at the failsafe
        // current shows it as "Max curr" below the "Curr user" set
        boolean failsafeFired = settings.failsafe() && report.failsafeTimeoutSeconds() > 0 && report.enableUser()
                && (!report.enableSys() || report.maxCurrentMilliamps() == report.failsafeMilliamps()
                        && report.userCurrentMilliamps() > report.failsafeMilliamps());
        if (failsafeFired) {
            if (!failsafeFiredReported) {
                LOG.warn("KEBA wallbox {}: its failsafe has fired (no current set for {} s); setting it again",
                        settings.evseId(), report.failsafeTimeoutSeconds());
                failsafeFiredReported = true;
            }
            boxMilliamps = null;
            boxEnabled = null;
        } else {
            failsafeFiredReported = false;
        }
        if (!KebaState.known(report.state())) {
            reportOnce("unknown state " + report.state() + ", taken as a fault");
        }
        lastSettings = report;
        settingsAt = at;
        updateSnapshot();
    }

    private void measured(KebaMessage.Measurements report, Instant at) {
        lastMeasurements = report;
        measurementsAt = at;
        long tenthWattHours = report.totalTenthWattHours();
        switch (energy.update(tenthWattHours / 10.0)) {
            case HELD_AT_ZERO -> LOG.debug("KEBA wallbox {}: energy reads 0 (booting?), holding {} Wh",
                    settings.evseId(), energy.wattHours());
            case COUNTER_RESET -> LOG.warn("KEBA wallbox {}: energy went back to {} Wh, counting on from {} Wh",
                    settings.evseId(), tenthWattHours / 10.0, energy.wattHours());
            default -> {
            }
        }
        updateSnapshot();
    }

    private void updateApplied() {
        if (lastSettings != null && lastMeasurements != null) {
            updateSnapshot();
            return;
        }
        EvseSnapshot last = snapshot;
        snapshot = new EvseSnapshot(last.evseId(), last.measuredAt(), last.state(), last.phasesInUse(),
                last.currents(), last.powerWatts(), last.energyWattHours(), last.idTag(), applied(), last.seenAt());
    }

    /** What the box lets the car draw as far as known: its current, 0 when disabled; null when unknown. */
    private Integer boxAllowsMilliamps() {
        if (Boolean.FALSE.equals(boxEnabled)) {
            return 0;
        }
        return Boolean.TRUE.equals(boxEnabled) ? boxMilliamps : null;
    }

    private ChargingLimit applied() {
        ChargingLimit limit = wanted;
        int phases = !phaseSwitching() || boxPhaseSwitch < 0 ? 0 : boxPhaseSwitch == 1 ? 3 : 1;
        if (Boolean.TRUE.equals(boxEnabled) && boxMilliamps != null) {
            return new ChargingLimit(boxMilliamps, limit.reason(), limit.detail(), phases);
        }
        if (Boolean.FALSE.equals(boxEnabled)) {
            return new ChargingLimit(0, limit.reason(), limit.detail(), phases);
        }
        return ChargingLimit.NOT_ALLOCATED;
    }

    /** A snapshot once both reports are in; seen when the older of the two came, so both must keep coming. */
    private void updateSnapshot() {
        if (lastSettings == null || lastMeasurements == null) {
            return;
        }
        KebaMessage.Settings report = lastSettings;
        KebaMessage.Measurements values = lastMeasurements;
        boolean allowed = report.enableSys() && report.maxCurrentMilliamps() >= settings.minCurrentMilliamps();
        EvseState state = online ? KebaState.of(report, allowed) : EvseState.OFFLINE;
        PhaseCurrents currents = new PhaseCurrents(milliamps(values.milliampsL1(), state),
                settings.phases() == 1 ? 0 : milliamps(values.milliampsL2(), state),
                settings.phases() == 1 ? 0 : milliamps(values.milliampsL3(), state));
        ChargingLimit applied = applied();
        Integer cap = boxAllowsMilliamps();
        if (cap != null) {
            // report 3 comes at most every 5 s: the car never draws more than the box allows now, so a lowered limit
            // counts at once (the house load, the grid meter minus the charging points, is then never too low)
            currents = new PhaseCurrents(Math.min(currents.l1Milliamps(), cap), Math.min(currents.l2Milliamps(), cap),
                    Math.min(currents.l3Milliamps(), cap));
        }
        double watts = values.powerMilliwatts() / 1000.0;
        if (watts < 0 || watts > 2 * settings.maxCurrentMilliamps() / 1000.0 * NOMINAL_VOLTS * 3) {
            reportOnce("implausible power " + watts + " W, taken from the currents");
            watts = (currents.l1Milliamps() + currents.l2Milliamps() + currents.l3Milliamps()) * NOMINAL_VOLTS / 1000;
        }
        watts = Math.min(watts, (currents.l1Milliamps() + currents.l2Milliamps() + currents.l3Milliamps())
                * NOMINAL_VOLTS / 1000 * 1.1);
        int phasesInUse = 0;
        if (state == EvseState.CHARGING) {
            for (int phase = 1; phase <= 3; phase++) {
                if (currents.get(phase) >= PHASE_IN_USE_MILLIAMPS) {
                    phasesInUse++;
                }
            }
        }
        Instant measuredAt = settingsAt.isAfter(measurementsAt) ? settingsAt : measurementsAt;
        Instant seenAt = settingsAt.isBefore(measurementsAt) ? settingsAt : measurementsAt;
        snapshot = new EvseSnapshot(settings.evseId(), measuredAt, state, phasesInUse, currents, watts,
                energy.wattHours(), report.carConnected() ? sessionTag : null, applied, seenAt);
    }

    /**
     * A current in mA as measured. One that is negative or more than twice the maximum is garbage: while charging
     * the box is assumed to draw its limit (the safe assumption for the fuse), never 0.
     */
    private int milliamps(int measured, EvseState state) {
        if (measured >= 0 && measured <= 2 * settings.maxCurrentMilliamps()) {
            return measured;
        }
        reportOnce("implausible current " + measured + " mA, taking the limit instead");
        return state == EvseState.CHARGING ? applied().currentMilliamps() : 0;
    }

    private void heard(Instant at) {
        missedAnswers = 0;
        if (!online) {
            if (lastProblem != null) {
                LOG.info("KEBA wallbox {} at {} answers again", settings.evseId(), settings.box());
                // it may have restarted meanwhile: learn its settings again before sending any
                identityNeeded = true;
                boxMilliamps = null;
                boxEnabled = null;
                boxFailsafeSet = null;
                report2DueAt = Instant.MIN;
                report3DueAt = Instant.MIN;
            }
            online = true;
            lastProblem = null;
            reportedOnce.clear();
            updateSnapshot();
        }
    }

    private void answerMissing(String problem) {
        missedAnswers++;
        if (online && missedAnswers < MISSED_ANSWERS_OFFLINE) {
            LOG.debug("KEBA wallbox {}: {}", settings.evseId(), problem);
            return;
        }
        if (online || lastProblem == null) {
            LOG.warn("KEBA wallbox {} at {} is offline: {}", settings.evseId(), settings.box(), problem);
        } else {
            LOG.debug("KEBA wallbox {} still offline: {}", settings.evseId(), problem);
        }
        online = false;
        lastProblem = problem;
        EvseSnapshot last = snapshot;
        if (last.state() != EvseState.OFFLINE) {
            snapshot = new EvseSnapshot(last.evseId(), last.measuredAt(), EvseState.OFFLINE, last.phasesInUse(),
                    last.currents(), last.powerWatts(), last.energyWattHours(), last.idTag(), last.appliedLimit(),
                    last.seenAt());
        }
    }

    /** Logs a problem with what the box sends once, until the box has been offline and is back. */
    private void reportOnce(String problem) {
        String key = problem.replaceAll("[0-9]+", "#");
        if (reportedOnce.size() < 20 && reportedOnce.add(key)) {
            LOG.warn("KEBA wallbox {} at {}: {}", settings.evseId(), settings.box(), problem);
        } else {
            LOG.debug("KEBA wallbox {}: {}", settings.evseId(), problem);
        }
    }

    /** Whether the box answers (for tests and status). */
    synchronized boolean online() {
        return online;
    }

    /** How long until {@link #tick()} may have something to do; for a scheduler that wants to sleep. */
    Duration tickInterval() {
        return Duration.ofMillis(20);
    }
}
