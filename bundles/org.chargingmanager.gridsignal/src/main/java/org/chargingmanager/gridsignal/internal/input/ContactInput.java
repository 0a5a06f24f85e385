package org.chargingmanager.gridsignal.internal.input;

import java.io.IOException;
import java.time.Clock;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.chargingmanager.api.grid.GridSignal;
import org.chargingmanager.api.grid.GridSignalSource;
import org.chargingmanager.api.grid.GridSignals;
import org.chargingmanager.api.grid.GridSourceInfo;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running contact input: polls its {@link ContactReader}, debounces, maps the contacts to a value and tells
 * the grid-signal service at once when the value changes. A device that does not answer keeps the last value;
 * the grid-signal service applies the failsafe limit once it has been silent for the configured time.
 */
final class ContactInput implements GridSignalSource, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ContactInput.class);

    private final ContactInputSettings settings;
    private final ContactReader reader;
    private final GridSignals signals;
    private final Clock clock;
    private final ContactState state;
    private final GridSourceInfo info;
    private ScheduledExecutorService executor;
    private String problem;

    ContactInput(ContactInputSettings settings, ContactReader reader, GridSignals signals, Clock clock) {
        this.settings = settings;
        this.reader = reader;
        this.signals = signals;
        this.clock = clock;
        this.info = settings.info();
        this.state = new ContactState(settings.contacts(), settings.debounce(), settings.activeWhenClosed(),
                settings.mapping());
    }

    void start() {
        executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chargingmanager-input-" + settings.id());
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::poll, 0, settings.poll().toMillis(), TimeUnit.MILLISECONDS);
    }

    /** One reading; public for tests that drive it with their own clock. */
    void poll() {
        Instant now = clock.instant();
        boolean[] closed;
        try {
            closed = reader.read();
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage();
            if (!message.equals(problem)) {
                problem = message;
                LOG.warn("Grid signal input '{}': cannot read the contacts: {}", settings.id(), message);
            }
            return;
        }
        if (problem != null) {
            problem = null;
            LOG.info("Grid signal input '{}': the contacts answer again", settings.id());
        }
        if (state.reading(closed, now, reader.lastContact(now))) {
            signals.signalChanged(info.id());
        }
    }

    @Override
    public GridSourceInfo info() {
        return info;
    }

    @Override
    public GridSignal current(Instant now) {
        return state.signal();
    }

    @Override
    public void close() {
        if (executor != null) {
            executor.shutdownNow();
            try {
                executor.awaitTermination(2, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        reader.close();
    }
}
