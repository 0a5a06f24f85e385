package org.chargingmanager.simulator.internal;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;

/** The one thread that moves every simulated device forward, once a second. */
@Component(service = SimulationClock.class)
public class SimulationClock {

    static final long TICK_MILLIS = 1000;

    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "chargingmanager-simulator");
        thread.setDaemon(true);
        return thread;
    });

    ScheduledFuture<?> everyTick(Runnable task) {
        return executor.scheduleAtFixedRate(task, TICK_MILLIS, TICK_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        executor.shutdownNow();
    }
}
