package org.chargingmanager.tariff;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;

import org.chargingmanager.api.tariff.PriceForecast;
import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.api.tariff.Tariff;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link Tariff} whose prices come from a {@link PriceSource}. {@link #refresh()} replaces the
 * prices with a good answer and keeps that answer in a cache file, so a restart without network
 * still knows the day's prices. A failed refresh (no connection, an HTTP error, an answer that
 * cannot be read, no prices) keeps the last good prices, says why in
 * {@link PriceForecast#problem()} and is logged once until a refresh works again.
 */
public final class FetchedTariff implements Tariff {

    private static final Logger LOG = LoggerFactory.getLogger(FetchedTariff.class);

    private final String id;
    private final String currency;
    private final PriceSource source;
    private final Path cacheFile;
    private final Clock clock;
    private volatile PriceForecast forecast;
    private boolean problemLogged;

    /**
     * @param cacheFile where the last good answer is kept, or {@code null} for no cache
     */
    public FetchedTariff(String id, String currency, PriceSource source, Path cacheFile, Clock clock) {
        this.id = id;
        this.currency = currency;
        this.source = source;
        this.cacheFile = cacheFile;
        this.clock = clock;
        this.forecast = fromCache();
    }

    @Override
    public String id() {
        return id;
    }

    @Override
    public PriceForecast forecast() {
        return forecast;
    }

    /** Fetches the prices once; never throws. */
    public synchronized void refresh() {
        try {
            String answer = source.fetch(clock.instant());
            List<PriceSlot> slots = source.parse(answer);
            if (slots.isEmpty()) {
                throw new IllegalArgumentException("the answer holds no prices");
            }
            forecast = new PriceForecast(currency, slots, clock.instant(), "");
            writeCache(answer);
            PriceSlot last = slots.get(slots.size() - 1);
            if (problemLogged) {
                LOG.info("Tariff '{}': prices from {} again, up to {}", id, source.name(), last.end());
                problemLogged = false;
            } else {
                LOG.debug("Tariff '{}': {} prices up to {}", id, slots.size(), last.end());
            }
        } catch (IOException | IllegalArgumentException e) {
            failed(describe(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            failed(e.toString());
        }
    }

    private void failed(String problem) {
        PriceForecast last = forecast;
        forecast = new PriceForecast(currency, last.slots(), last.fetchedAt(), source.name() + ": " + problem);
        if (!problemLogged) {
            LOG.warn("Tariff '{}': cannot fetch prices from {}: {}; using the last known prices{} (logged once until "
                    + "it works again)", id, source.name(), problem,
                    last.slots().isEmpty() ? " (none)" : " up to " + last.slots().get(last.slots().size() - 1).end());
            problemLogged = true;
        }
    }

    private static String describe(Exception e) {
        if (e instanceof java.net.http.HttpTimeoutException) {
            return "no answer in time";
        }
        if (e instanceof java.net.ConnectException) {
            return "connection refused or unreachable";
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    private PriceForecast fromCache() {
        if (cacheFile == null || !Files.isRegularFile(cacheFile)) {
            return PriceForecast.empty(currency, "no prices fetched yet");
        }
        try {
            List<PriceSlot> slots = source.parse(Files.readString(cacheFile, StandardCharsets.UTF_8));
            return new PriceForecast(currency, slots, Files.getLastModifiedTime(cacheFile).toInstant(), "");
        } catch (IOException | RuntimeException e) {
            LOG.warn("Tariff '{}': the cached prices in {} cannot be read ({}); waiting for the next refresh", id,
                    cacheFile, e.getMessage());
            return PriceForecast.empty(currency, "no prices fetched yet");
        }
    }

    private void writeCache(String answer) {
        if (cacheFile == null) {
            return;
        }
        try {
            Path temporary = cacheFile.resolveSibling(cacheFile.getFileName() + ".tmp");
            Files.writeString(temporary, answer, StandardCharsets.UTF_8);
            Files.move(temporary, cacheFile, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            LOG.debug("Tariff '{}': cannot write the cache {}: {}", id, cacheFile, e.getMessage());
        }
    }
}
