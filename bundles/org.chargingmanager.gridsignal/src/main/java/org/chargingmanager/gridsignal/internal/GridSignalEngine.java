package org.chargingmanager.gridsignal.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

import org.chargingmanager.api.grid.GridLogException;
import org.chargingmanager.api.grid.GridSignal;
import org.chargingmanager.api.grid.GridSignalSource;
import org.chargingmanager.api.grid.GridSourceInfo;
import org.chargingmanager.api.grid.GridSourceStatus;
import org.chargingmanager.api.variables.InvalidExpressionException;
import org.chargingmanager.api.variables.Variable;
import org.chargingmanager.api.variables.Variables;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The logic of the grid-signal service, driven by {@link #tick()}: for every source, ask its signal, apply its
 * liveness rule and failsafe limit, write the resulting value into its variable (whenever the variable holds
 * something else: a source owns its variable), and record each period in which it restricts the site together
 * with the power measured at the grid meter.
 */
public final class GridSignalEngine {

    /** How often the figures of a running restriction are stored, so a crash loses little. */
    static final Duration STORE_INTERVAL = Duration.ofSeconds(60);
    private static final Logger LOG = LoggerFactory.getLogger(GridSignalEngine.class);

    private final Variables variables;
    private final RestrictionLog log;
    private final Clock clock;
    private final String powerExpression;
    private final LogOnce problems = new LogOnce(LOG);
    private final Map<String, Tracked> sources = new TreeMap<>();

    GridSignalEngine(Variables variables, RestrictionLog log, Clock clock, String powerExpression) {
        this.variables = variables;
        this.log = log;
        this.clock = clock;
        this.powerExpression = powerExpression;
    }

    private static final class Tracked {
        final GridSignalSource source;
        final GridSourceInfo info;
        final FailsafeTracker tracker;
        GridSignal signal = GridSignal.unknown("");
        double effective = Double.NaN;
        OpenPeriod open;
        /** The variable's expression when a failsafe started while the source had said nothing: restored at its end. */
        String beforeFailsafe;

        Tracked(GridSignalSource source, GridSourceInfo info, Instant now) {
            this.source = source;
            this.info = info;
            this.tracker = new FailsafeTracker(info.failsafe(), now);
        }
    }

    private static final class OpenPeriod {
        final long id;
        final double limit;
        final boolean failsafe;
        final PowerStats stats = new PowerStats();
        Instant stored;

        OpenPeriod(long id, double limit, boolean failsafe, Instant start) {
            this.id = id;
            this.limit = limit;
            this.failsafe = failsafe;
            this.stored = start;
        }
    }

    public synchronized void add(GridSignalSource source) {
        GridSourceInfo info = source.info();
        if (sources.containsKey(info.id())) {
            problems.warn("duplicate " + info.id(), "Grid signals: a second source with the id '" + info.id()
                    + "' is ignored; give every source its own id");
            return;
        }
        sources.put(info.id(), new Tracked(source, info, clock.instant()));
        if (variables.get(info.variable()).isEmpty()) {
            // the house formula may name it before the source has said anything
            write(info, info.unrestrictedValue());
        }
        LOG.info("Grid signals: source '{}' ({}) sets {}{}", info.id(), info.kind(), info.variable(),
                info.failsafe().enabled() ? ", lost after " + info.failsafe().lostAfter().toSeconds() + " s, failsafe "
                        + format(info.failsafe().limit()) + " " + info.unit() + " for at least "
                        + info.failsafe().minimumDuration().toSeconds() + " s" : ", no liveness rule");
    }

    synchronized void remove(GridSignalSource source) {
        Tracked tracked = null;
        for (Tracked candidate : sources.values()) {
            if (candidate.source == source) {
                tracked = candidate;
            }
        }
        if (tracked == null) {
            return;
        }
        sources.remove(tracked.info.id());
        if (tracked.open != null) {
            endPeriod(tracked, clock.instant());
        }
        LOG.info("Grid signals: source '{}' removed", tracked.info.id());
    }

    /** One evaluation of every source. Never throws. */
    public synchronized void tick() {
        Instant now = clock.instant();
        double power = Double.NaN;
        boolean powerRead = false;
        for (Tracked tracked : sources.values()) {
            try {
                if (evaluate(tracked, now)) {
                    if (!powerRead) {
                        power = gridPower();
                        powerRead = true;
                    }
                    record(tracked, now, power);
                } else if (tracked.open != null) {
                    endPeriod(tracked, now);
                }
            } catch (RuntimeException e) {
                problems.warn("source " + tracked.info.id(), "Grid signals: source '" + tracked.info.id()
                        + "' failed: " + e);
            }
        }
    }

    /** @return whether the source restricts the site now */
    private boolean evaluate(Tracked tracked, Instant now) {
        GridSourceInfo info = tracked.info;
        GridSignal signal = tracked.source.current(now);
        tracked.signal = signal == null ? GridSignal.unknown("") : signal;
        boolean lost = tracked.tracker.lost(tracked.signal.lastContact(), now);
        switch (tracked.tracker.update(tracked.signal.lastContact(), now)) {
        case STARTED:
            tracked.beforeFailsafe = Double.isNaN(tracked.signal.value())
                    ? variables.get(info.variable()).map(Variable::expression).orElse(null) : null;
            LOG.warn("Grid signals: source '{}' ({}) lost (last contact {}): failsafe limit {} {} on {} for at least {} s",
                    info.id(), info.kind(), tracked.signal.lastContact() == null ? "never" : tracked.signal.lastContact(),
                    format(info.failsafe().limit()), info.unit(), info.variable(),
                    info.failsafe().minimumDuration().toSeconds());
            break;
        case ENDED:
            LOG.info("Grid signals: source '{}' ({}) is back: failsafe limit released", info.id(), info.kind());
            if (Double.isNaN(tracked.signal.value()) && tracked.beforeFailsafe != null) {
                // the source is back but has not said anything: the variable gets what it had before
                restore(info, tracked.beforeFailsafe);
            }
            tracked.beforeFailsafe = null;
            break;
        default:
            break;
        }
        double effective = tracked.tracker.effectiveValue(tracked.signal.value(), lost);
        if (Double.isFinite(effective) && effective != tracked.effective) {
            LOG.info("Grid signals: {} = {} {} from source '{}'{}", info.variable(), format(effective), info.unit(),
                    info.id(), tracked.tracker.failsafeSince() != null ? " (failsafe)"
                            : tracked.signal.detail().isEmpty() ? "" : " (" + tracked.signal.detail() + ")");
        }
        tracked.effective = effective;
        if (Double.isFinite(effective)) {
            write(info, effective);
        }
        return Double.isFinite(effective) && effective < info.unrestrictedValue();
    }

    private void write(GridSourceInfo info, double value) {
        String expression = format(value);
        Optional<Variable> current = variables.get(info.variable());
        if (current.isPresent() && expression.equals(normalise(current.get().expression()))) {
            return;
        }
        try {
            variables.set(info.variable(), expression);
            problems.clear("variable " + info.variable());
        } catch (InvalidExpressionException e) {
            problems.warn("variable " + info.variable(), "Grid signals: cannot set " + info.variable() + " = "
                    + expression + " for source '" + info.id() + "': " + e.getMessage());
        }
    }

    private void restore(GridSourceInfo info, String expression) {
        try {
            variables.set(info.variable(), expression);
            LOG.info("Grid signals: {} = {} again, as before the failsafe of source '{}'", info.variable(), expression,
                    info.id());
        } catch (InvalidExpressionException e) {
            write(info, info.unrestrictedValue());
        }
    }

    private void record(Tracked tracked, Instant now, double power) {
        boolean failsafe = tracked.tracker.failsafeSince() != null;
        OpenPeriod open = tracked.open;
        if (open != null && (open.limit != tracked.effective || open.failsafe != failsafe)) {
            endPeriod(tracked, now);
            open = null;
        }
        if (open == null) {
            try {
                long id = log == null ? -1 : log.open(tracked.info.id(), tracked.info.kind(), now, tracked.effective,
                        tracked.info.unit(), failsafe);
                open = new OpenPeriod(id, tracked.effective, failsafe, now);
                problems.clear("log");
            } catch (GridLogException e) {
                problems.warn("log", "Grid signals: " + e.getMessage());
                open = new OpenPeriod(-1, tracked.effective, failsafe, now);
            }
            tracked.open = open;
            LOG.info("Grid signals: restriction started by '{}': {} {}{}", tracked.info.id(), format(open.limit),
                    tracked.info.unit(), failsafe ? " (failsafe)" : "");
        }
        open.stats.add(power);
        if (open.id >= 0 && !now.isBefore(open.stored.plus(STORE_INTERVAL))) {
            try {
                log.update(open.id, now, open.stats);
                open.stored = now;
            } catch (GridLogException e) {
                problems.warn("log", "Grid signals: " + e.getMessage());
            }
        }
    }

    private void endPeriod(Tracked tracked, Instant now) {
        OpenPeriod open = tracked.open;
        tracked.open = null;
        if (open.id >= 0) {
            try {
                log.close(open.id, now, open.stats);
            } catch (GridLogException e) {
                problems.warn("log", "Grid signals: " + e.getMessage());
            }
        }
        LOG.info("Grid signals: restriction by '{}' ({} {}) ended; grid power min/avg/max {}/{}/{} W", tracked.info.id(),
                format(open.limit), tracked.info.unit(), format(open.stats.minWatts()), format(open.stats.avgWatts()),
                format(open.stats.maxWatts()));
    }

    private double gridPower() {
        try {
            double value = variables.evaluate(powerExpression);
            problems.clear("power");
            return value;
        } catch (InvalidExpressionException | RuntimeException e) {
            problems.warn("power", "Grid signals: the power for the restriction log (" + powerExpression
                    + ") cannot be computed: " + e.getMessage());
            return Double.NaN;
        }
    }

    public synchronized List<GridSourceStatus> status() {
        List<GridSourceStatus> result = new ArrayList<>();
        for (Tracked tracked : sources.values()) {
            result.add(new GridSourceStatus(tracked.info, tracked.signal, tracked.tracker.failsafeSince(),
                    tracked.effective));
        }
        return result;
    }

    /** Ends every open period (at deactivation). */
    public synchronized void stop() {
        Instant now = clock.instant();
        for (Tracked tracked : sources.values()) {
            if (tracked.open != null) {
                endPeriod(tracked, now);
            }
        }
    }

    /** A number as a variable's expression: whole numbers without ".0". */
    static String format(double value) {
        if (Double.isNaN(value)) {
            return "-";
        }
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            return Long.toString((long) value);
        }
        return java.math.BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }

    private static String normalise(String expression) {
        try {
            return format(Double.parseDouble(expression.trim()));
        } catch (NumberFormatException formula) {
            return expression;
        }
    }
}
