package org.chargingmanager.openhab.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.chargingmanager.api.variables.Variable;
import org.chargingmanager.api.variables.Variables;
import org.slf4j.Logger;

/**
 * The sending logic, without threads: each {@link #cycle()} reads every variable, sends the items
 * whose value changed (at most one update per item within the minimum interval), and says when it
 * wants to run next. After a failure (openHAB unreachable, token refused, server error) it waits
 * with a growing back-off and then sends every value again, since openHAB may have restarted. Now
 * and then it reads one item back: {@code NULL} there means openHAB restarted without restoring
 * the states, and every value is sent again too.
 */
final class ItemPusher {

    enum FailureKind { UNREACHABLE, UNAUTHORIZED }

    /** Why nothing is sent for now, until when, and the back-off that led there. */
    record Failure(FailureKind kind, Duration backoff, Instant retryAt) {
    }

    /** What is known of one item. */
    private static final class ItemState {
        final String variable;
        /** Last state openHAB accepted; {@code null}: to be sent. */
        String sent;
        Instant sentAt;
        /** openHAB refused this item (missing, wrong type); tried again then. */
        Instant refusedUntil;
        boolean warned;

        ItemState(String variable) {
            this.variable = variable;
        }
    }

    private final Variables variables;
    private final Settings settings;
    private final OpenHabClient client;
    private final Clock clock;
    private final Logger log;
    private final Map<String, ItemState> items = new LinkedHashMap<>();
    private Failure failure;
    private Instant nextCheck;
    private int checkIndex;

    ItemPusher(Variables variables, Settings settings, Clock clock, Logger log) {
        this.variables = variables;
        this.settings = settings;
        this.client = new OpenHabClient(settings);
        this.clock = clock;
        this.log = log;
    }

    /** @return when to run again at the latest (earlier when a variable changes) */
    synchronized Instant cycle() {
        Instant now = clock.instant();
        if (failure != null && now.isBefore(failure.retryAt())) {
            return failure.retryAt();
        }
        Map<String, Wanted> wanted = wanted();
        items.keySet().retainAll(wanted.keySet());
        if (nextCheck == null) {
            nextCheck = now.plus(settings.checkInterval());
        } else if (!settings.checkInterval().isZero() && !now.isBefore(nextCheck)) {
            nextCheck = now.plus(settings.checkInterval());
            if (!check()) {
                return stopAt(now);
            }
        }
        Instant wake = now.plus(settings.pollInterval());
        if (!settings.checkInterval().isZero()) {
            wake = earliest(wake, nextCheck);
        }
        for (Map.Entry<String, Wanted> entry : wanted.entrySet()) {
            String item = entry.getKey();
            Wanted value = entry.getValue();
            ItemState state = items.computeIfAbsent(item, name -> new ItemState(value.variable()));
            if (value.state().equals(state.sent)) {
                continue;
            }
            if (state.refusedUntil != null && now.isBefore(state.refusedUntil)) {
                wake = earliest(wake, state.refusedUntil);
                continue;
            }
            if (state.sentAt != null && now.isBefore(state.sentAt.plus(settings.minInterval()))) {
                wake = earliest(wake, state.sentAt.plus(settings.minInterval()));
                continue;
            }
            if (!send(item, value, state, now)) {
                return stopAt(now);
            }
        }
        return wake;
    }

    /** For tests and diagnostics. */
    synchronized Optional<Failure> failure() {
        return Optional.ofNullable(failure);
    }

    private record Wanted(String variable, String state) {
    }

    private Map<String, Wanted> wanted() {
        Map<String, Wanted> wanted = new LinkedHashMap<>();
        for (Variable variable : variables.list()) {
            Optional<String> item = settings.mapping().itemFor(variable.name());
            Optional<String> state = StateFormat.format(variable.value(), settings.nanAsUndef());
            if (item.isPresent() && state.isPresent()) {
                wanted.putIfAbsent(item.get(), new Wanted(variable.name(), state.get()));
            }
        }
        return wanted;
    }

    /** @return false after a failure that stops this cycle */
    private boolean send(String item, Wanted value, ItemState state, Instant now) {
        OpenHabClient.Answer answer;
        try {
            answer = client.putState(item, value.state());
        } catch (IOException e) {
            failOrStop(e, now);
            return false;
        }
        log.debug("openHAB: PUT {} = {}: HTTP {}", item, value.state(), answer.statusCode());
        int status = answer.statusCode();
        if (answer.ok()) {
            recovered();
            if (state.warned) {
                log.info("openHAB accepts the item '{}' now", item);
            }
            state.sent = value.state();
            state.sentAt = now;
            state.refusedUntil = null;
            state.warned = false;
            return true;
        }
        if (status == 401 || status == 403) {
            fail(FailureKind.UNAUTHORIZED, "HTTP " + status, now);
            return false;
        }
        if (status >= 500) {
            fail(FailureKind.UNREACHABLE, "HTTP " + status + " " + shorten(answer.body()), now);
            return false;
        }
        recovered();
        state.refusedUntil = now.plus(settings.retryMax());
        if (state.warned) {
            log.debug("openHAB still refuses item '{}': HTTP {}", item, status);
            return true;
        }
        state.warned = true;
        long retrySeconds = settings.retryMax().toSeconds();
        if (status == 404) {
            log.warn("openHAB has no item '{}' (HTTP 404) for the variable {}: create it, for example with the line "
                    + "'Number {} \"{}\"' in an .items file, or map {} to an existing item ('items' in the "
                    + "configuration {}; an empty 'itemPrefix' sends only the variables listed there). "
                    + "The other items are still sent; this one is tried again every {} s",
                    item, value.variable(), item, value.variable(), value.variable(), OpenHabRestPublisher.PID,
                    retrySeconds);
        } else {
            log.warn("openHAB refused the value '{}' for item '{}' (variable {}, HTTP {} {}): make it a Number item "
                    + "(or String); the other items are still sent, this one is tried again every {} s",
                    value.state(), item, value.variable(), status, shorten(answer.body()), retrySeconds);
        }
        return true;
    }

    /**
     * Reads one item back. {@code NULL}: openHAB lost its states, every value is sent again.
     *
     * @return false after a failure that stops this cycle
     */
    private boolean check() {
        List<String> sent = new ArrayList<>();
        items.forEach((item, state) -> {
            if (state.sent != null) {
                sent.add(item);
            }
        });
        if (sent.isEmpty()) {
            return true;
        }
        String item = sent.get(Math.floorMod(checkIndex++, sent.size()));
        Instant now = clock.instant();
        OpenHabClient.Answer answer;
        try {
            answer = client.getState(item);
        } catch (IOException e) {
            failOrStop(e, now);
            return false;
        }
        int status = answer.statusCode();
        log.debug("openHAB: GET {}: HTTP {} {}", item, status, shorten(answer.body()));
        if (status == 401 || status == 403) {
            fail(FailureKind.UNAUTHORIZED, "HTTP " + status, now);
            return false;
        }
        if (status >= 500) {
            fail(FailureKind.UNREACHABLE, "HTTP " + status + " " + shorten(answer.body()), now);
            return false;
        }
        recovered();
        if (status == 404) {
            items.get(item).sent = null;
        } else if (answer.ok() && answer.body().trim().equals("NULL")) {
            log.info("openHAB has no state for item '{}' any more (restarted?): sending every value again", item);
            items.values().forEach(state -> state.sent = null);
        }
        return true;
    }

    /** When a cycle stopped early: after a failure its retry time, after an interrupt (deactivation) now. */
    private Instant stopAt(Instant now) {
        return failure == null ? now : failure.retryAt();
    }

    /** An interrupted request is the component stopping, not openHAB failing: nothing is logged. */
    private void failOrStop(IOException e, Instant now) {
        if (Thread.currentThread().isInterrupted()) {
            log.debug("openHAB: request interrupted (stopping)");
            return;
        }
        fail(FailureKind.UNREACHABLE, describe(e), now);
    }

    private void fail(FailureKind kind, String detail, Instant now) {
        Duration backoff = failure == null ? Settings.FIRST_RETRY : failure.backoff().multipliedBy(2);
        if (backoff.compareTo(settings.retryMax()) > 0) {
            backoff = settings.retryMax();
        }
        boolean first = failure == null || failure.kind() != kind;
        failure = new Failure(kind, backoff, now.plus(backoff));
        items.values().forEach(state -> state.sent = null);
        if (!first) {
            log.debug("openHAB at {} still fails ({}); next attempt in {} ms", settings.baseUri(), detail,
                    backoff.toMillis());
        } else if (kind == FailureKind.UNAUTHORIZED) {
            log.warn("openHAB at {} refused the API token ({}): create an API token in openHAB (your profile page, "
                    + "'Create new API token') and set it as .apiToken in the configuration {}; retrying up to "
                    + "every {} s", settings.baseUri(), detail, OpenHabRestPublisher.PID,
                    settings.retryMax().toSeconds());
        } else {
            log.warn("openHAB at {} is not reachable ({}); retrying up to every {} s, every value is sent again "
                    + "once it answers", settings.baseUri(), detail, settings.retryMax().toSeconds());
        }
    }

    private void recovered() {
        if (failure != null) {
            log.info("openHAB at {} answers again: sending every value again", settings.baseUri());
            failure = null;
        }
    }

    private static Instant earliest(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    private static String describe(IOException e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String shorten(String body) {
        String text = body == null ? "" : body.replaceAll("\\s+", " ").trim();
        return text.length() > 200 ? text.substring(0, 200) + "..." : text;
    }
}
