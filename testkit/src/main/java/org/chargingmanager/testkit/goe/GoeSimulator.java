package org.chargingmanager.testkit.goe;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A go-e Charger on a free port of 127.0.0.1 (JDK HTTP server), written from the go-e API documents: API v2
 * ({@code /api/status?filter=}, {@code /api/set?key=value}) or, for an old firmware, API v1 only ({@code /status},
 * {@code /mqtt?payload=key=value}; every value a string, {@code /api/...} answers 404). A car draws what the box
 * allows. It counts every write and, separately, every write of an EEPROM-backed value ({@code amp} on v1).
 *
 * <p>Faults: {@link #delayAnswers(Duration)} (timeouts), {@link #garbage(boolean)} (an HTML page instead of JSON),
 * {@link #reboot()} (volatile values lost), {@link #firmware(Api, String)} (another API after an update).
 */
public final class GoeSimulator implements AutoCloseable {

    public enum Api { V2, V1 }

    private static final Gson GSON = new GsonBuilder().serializeNulls().create();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "goe-simulator");
        t.setDaemon(true);
        return t;
    });
    private final Clock clock;

    private Api api;
    private String firmware;
    private String serial = "012345";
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean garbage;

    private int eepromAmps = 16;
    private Integer volatileAmps;
    private int force;
    private int phaseMode;
    private boolean allowSetting = true;
    private boolean carPlugged;
    private int carMaxMilliamps;
    private int carPhases = 3;
    private int card = -1;
    private double energyWattHours = 345_678;
    private Instant updatedAt;
    private final List<String> writes = new ArrayList<>();
    private int eepromWrites;
    private int requests;

    private GoeSimulator(Api api, Clock clock) throws IOException {
        this.api = api;
        this.firmware = api == Api.V2 ? "055.7" : "041.0";
        this.clock = clock;
        this.updatedAt = clock.instant();
        // without it the JDK server's Nagle delay meets the client's delayed ACK: 40 ms per request
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public static GoeSimulator start(Api api, Clock clock) {
        try {
            return new GoeSimulator(api, clock);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    public URI baseUri() {
        return URI.create("http://127.0.0.1:" + port());
    }

    // ---- set-up and faults

    public synchronized GoeSimulator plugCar(int maxMilliamps, int phases) {
        update();
        carPlugged = true;
        carMaxMilliamps = maxMilliamps;
        carPhases = phases;
        return this;
    }

    public synchronized GoeSimulator unplugCar() {
        update();
        carPlugged = false;
        return this;
    }

    /** The session was started with RFID card {@code index} (from 0); -1 for none. */
    public synchronized GoeSimulator card(int index) {
        card = index;
        return this;
    }

    public GoeSimulator delayAnswers(Duration newDelay) {
        delay = newDelay;
        return this;
    }

    public GoeSimulator garbage(boolean newGarbage) {
        garbage = newGarbage;
        return this;
    }

    /** Restarts: {@code amx} (v1) is gone, the current is the EEPROM's again; v2 forgets {@code frc}. */
    public synchronized GoeSimulator reboot() {
        update();
        volatileAmps = null;
        force = 0;
        allowSetting = true;
        return this;
    }

    /** A firmware update: from now on the box speaks {@code newApi}. */
    public synchronized GoeSimulator firmware(Api newApi, String version) {
        api = newApi;
        firmware = version;
        return this;
    }

    // ---- what the box has

    /** The current the box works with, in A. */
    public synchronized int amps() {
        return volatileAmps != null ? volatileAmps : eepromAmps;
    }

    /** What the car draws per phase now. */
    public synchronized int drawnMilliamps() {
        update();
        return drawn();
    }

    public synchronized int phaseMode() {
        return phaseMode;
    }

    public synchronized int force() {
        return force;
    }

    public synchronized boolean allowSetting() {
        return allowSetting;
    }

    /** Every write as {@code key=value}, in order. */
    public synchronized List<String> writes() {
        return List.copyOf(writes);
    }

    /** Writes of values the box keeps in EEPROM ({@code amp} on API v1). */
    public synchronized int eepromWrites() {
        return eepromWrites;
    }

    public synchronized int requests() {
        return requests;
    }

    // ---- protocol

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!delay.isZero()) {
                try {
                    Thread.sleep(delay.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
            Answer answer = answer(exchange.getRequestURI());
            byte[] body = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.status() == 200 && !garbage
                    ? "application/json" : "text/html");
            exchange.sendResponseHeaders(answer.status(), body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        } catch (IOException e) {
            // the client gave up
        }
    }

    private record Answer(int status, String body) {
    }

    private synchronized Answer answer(URI uri) {
        requests++;
        update();
        String path = uri.getPath();
        Map<String, String> query = query(uri.getRawQuery());
        if (garbage) {
            return new Answer(200, "<html><body>Firmware update in progress</body></html>");
        }
        if (api == Api.V2 && path.equals("/api/status")) {
            Map<String, Object> status = statusV2();
            if (query.containsKey("filter")) {
                Set<String> keys = Set.of(query.get("filter").split(","));
                status.keySet().retainAll(keys);
            }
            return new Answer(200, GSON.toJson(status));
        }
        if (api == Api.V2 && path.equals("/api/set")) {
            Map<String, Object> result = new LinkedHashMap<>();
            query.forEach((key, value) -> result.put(key, setV2(key, value)));
            return new Answer(200, GSON.toJson(result));
        }
        if (path.equals("/status")) {
            return new Answer(200, GSON.toJson(statusV1()));
        }
        if (path.equals("/mqtt") && query.containsKey("payload")) {
            String[] assignment = query.get("payload").split("=", 2);
            if (assignment.length == 2) {
                setV1(assignment[0], assignment[1]);
            }
            return new Answer(200, GSON.toJson(statusV1()));
        }
        return new Answer(404, "<html>404 Not found</html>");
    }

    private Object setV2(String key, String value) {
        writes.add(key + "=" + value);
        try {
            int number = Integer.parseInt(value);
            switch (key) {
                case "amp":
                    if (number < 6 || number > 32) {
                        return "value out of range";
                    }
                    eepromAmps = number;
                    return true;
                case "frc":
                    if (number < 0 || number > 2) {
                        return "value out of range";
                    }
                    force = number;
                    return true;
                case "psm":
                    if (number < 0 || number > 2) {
                        return "value out of range";
                    }
                    phaseMode = number;
                    return true;
                default:
                    return "key not found";
            }
        } catch (NumberFormatException e) {
            return "invalid value";
        }
    }

    private void setV1(String key, String value) {
        writes.add(key + "=" + value);
        int number;
        try {
            number = Integer.parseInt(value);
        } catch (NumberFormatException e) {
            return;
        }
        switch (key) {
            case "amx" -> {
                if (number >= 6 && number <= 32) {
                    volatileAmps = number;
                }
            }
            case "amp" -> {
                if (number >= 6 && number <= 32) {
                    eepromAmps = number;
                    volatileAmps = null;
                    eepromWrites++;
                }
            }
            case "alw" -> allowSetting = number == 1;
            default -> {
            }
        }
    }

    private boolean allowed() {
        return api == Api.V2 ? carPlugged && force != 1 : allowSetting;
    }

    private int phases() {
        return phaseMode == 1 ? 1 : carPhases;
    }

    private int drawn() {
        if (!carPlugged || !allowed()) {
            return 0;
        }
        return Math.min(amps() * 1000, carMaxMilliamps);
    }

    private int car() {
        if (!carPlugged) {
            return 1;
        }
        if (drawn() > 0) {
            return 2;
        }
        return allowed() && carMaxMilliamps == 0 ? 4 : 3;
    }

    private Map<String, Object> statusV2() {
        double amps = drawn() / 1000.0;
        int phases = phases();
        double watts = amps * 230;
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("car", car());
        status.put("alw", allowed());
        status.put("amp", amps());
        status.put("frc", force);
        status.put("psm", phaseMode);
        status.put("eto", Math.round(energyWattHours));
        status.put("nrg", new Object[] {230, phases > 1 ? 231 : 0, phases > 1 ? 229 : 0, 0, amps,
                phases > 1 ? amps : 0, phases > 1 ? amps : 0, watts, phases > 1 ? watts : 0, phases > 1 ? watts : 0, 0,
                watts * phases, 0.99, 0.99, 0.99, 0});
        status.put("trx", carPlugged ? (card < 0 ? 0 : card + 1) : null);
        status.put("sse", serial);
        status.put("fwv", firmware);
        status.put("wh", 0);
        return status;
    }

    private Map<String, Object> statusV1() {
        double deciamps = drawn() / 100.0;
        int phases = phases();
        double hectowatts = deciamps * 230 / 1000;
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("version", "B");
        status.put("car", Integer.toString(car()));
        status.put("amp", Integer.toString(amps()));
        status.put("alw", allowSetting ? "1" : "0");
        status.put("eto", Long.toString(Math.round(energyWattHours / 100)));
        status.put("nrg", new Object[] {230, phases > 1 ? 231 : 0, phases > 1 ? 229 : 0, 0, Math.round(deciamps),
                phases > 1 ? Math.round(deciamps) : 0, phases > 1 ? Math.round(deciamps) : 0, Math.round(hectowatts),
                phases > 1 ? Math.round(hectowatts) : 0, phases > 1 ? Math.round(hectowatts) : 0, 0,
                Math.round(hectowatts * phases * 10), 99, 99, 99, 0});
        status.put("uby", Integer.toString(carPlugged && card >= 0 ? card + 1 : 0));
        status.put("sse", serial);
        status.put("fwv", firmware);
        return status;
    }

    private void update() {
        Instant now = clock.instant();
        double hours = Duration.between(updatedAt, now).toMillis() / 3_600_000.0;
        if (hours > 0) {
            energyWattHours += drawn() / 1000.0 * 230 * phases() * hours;
            updatedAt = now;
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            String[] parts = pair.split("=", 2);
            result.put(URLDecoder.decode(parts[0], StandardCharsets.UTF_8),
                    parts.length > 1 ? URLDecoder.decode(parts[1], StandardCharsets.UTF_8) : "");
        }
        return result;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
