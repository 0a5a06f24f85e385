package org.chargingmanager.web.internal;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;

/**
 * The last 24 hours of grid power and total charging power for the dashboard's chart, sampled
 * every {@link #INTERVAL} into a ring of primitive arrays: {@link #CAPACITY} samples, about
 * 90 KB however long the system runs. In memory only; a restart starts a new chart.
 */
@Component(service = PowerHistory.class)
public class PowerHistory {

    static final Duration INTERVAL = Duration.ofSeconds(15);
    static final int CAPACITY = (int) (Duration.ofHours(24).toSeconds() / INTERVAL.toSeconds());

    private final long[] timesMillis;
    private final float[] gridWatts;
    private final float[] chargingWatts;
    private final Clock clock;
    private int next;
    private int size;
    private ScheduledExecutorService sampler;
    @Reference
    private SiteView site;

    public PowerHistory() {
        this(Clock.systemUTC(), CAPACITY);
    }

    PowerHistory(Clock clock, int capacity) {
        this.clock = clock;
        this.timesMillis = new long[capacity];
        this.gridWatts = new float[capacity];
        this.chargingWatts = new float[capacity];
    }

    @Activate
    void activate() {
        sampler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "chargingmanager-power-history");
            thread.setDaemon(true);
            return thread;
        });
        sampler.scheduleAtFixedRate(this::sample, 0, INTERVAL.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Deactivate
    void deactivate() {
        sampler.shutdownNow();
    }

    private void sample() {
        SiteView.Powers powers = site.powers();
        record(powers.gridWatts(), powers.chargingWatts());
    }

    synchronized void record(double grid, double charging) {
        timesMillis[next] = clock.millis();
        gridWatts[next] = (float) grid;
        chargingWatts[next] = (float) charging;
        next = (next + 1) % timesMillis.length;
        size = Math.min(size + 1, timesMillis.length);
    }

    /** {@code {"intervalSeconds", "times": [epoch ms], "gridWatts": [...], "chargingWatts": [...]}}, oldest first; no older than 24 h. */
    synchronized JsonObject json() {
        JsonArray times = new JsonArray();
        JsonArray grid = new JsonArray();
        JsonArray charging = new JsonArray();
        long oldest = clock.millis() - Duration.ofHours(24).toMillis();
        for (int i = 0; i < size; i++) {
            int index = (next - size + i + timesMillis.length) % timesMillis.length;
            if (timesMillis[index] < oldest) {
                continue;
            }
            times.add(timesMillis[index]);
            grid.add(Float.isFinite(gridWatts[index]) ? VariablesJson.number(Math.round(gridWatts[index])) : null);
            charging.add(VariablesJson.number(Math.round(chargingWatts[index])));
        }
        JsonObject json = new JsonObject();
        json.addProperty("intervalSeconds", INTERVAL.toSeconds());
        json.add("times", times);
        json.add("gridWatts", grid);
        json.add("chargingWatts", charging);
        return json;
    }
}
