package org.chargingmanager.testkit.shelly;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A Shelly Pro 3EM (or a one-phase Pro EM) on a free port of 127.0.0.1, written from Shelly's Gen2 API documents:
 * {@code /rpc/Shelly.GetDeviceInfo} (always open), {@code /rpc/EM.GetStatus?id=0}, {@code /rpc/EMData.GetStatus?id=0}
 * (Pro EM: {@code EM1.GetStatus}, {@code EM1Data.GetStatus}, ids 0 and 1). With a password set, every RPC but the
 * device info needs HTTP digest authentication with SHA-256 as the device asks for it ({@code WWW-Authenticate:
 * Digest qop="auth", realm="<device id>", nonce=..., algorithm=SHA-256}); the simulator checks the response itself.
 *
 * <p>Faults: {@link #delayAnswers(Duration)}, {@link #garbage(boolean)}, {@link #omitField(String)} (another
 * firmware), {@link #newNonce()} (the device restarted: old authorizations are rejected).
 */
public final class ShellySimulator implements AutoCloseable {

    public enum Model { PRO_3EM, PRO_EM }

    private static final Gson GSON = new GsonBuilder().serializeNulls().create();
    private static final Pattern PARAMETER = Pattern.compile("(\\w+)\\s*=\\s*(?:\"([^\"]*)\"|([^,\\s]+))");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "shelly-simulator");
        t.setDaemon(true);
        return t;
    });
    private final Model model;
    private final String deviceId;
    private volatile String password;
    private volatile String nonce = newNonceValue();
    private volatile Duration delay = Duration.ZERO;
    private volatile boolean garbage;
    private final Set<String> omitted = new HashSet<>();

    private final double[] volts = {230.1, 231.2, 229.3};
    private final double[] amps = {0, 0, 0};
    private final double[] watts = {0, 0, 0};
    private double importWattHours = 1_000_000;
    private double exportWattHours = 250_000;
    private int unauthorized;
    private int rejected;
    private int requests;

    private ShellySimulator(Model model, String password) throws IOException {
        this.model = model;
        this.password = password;
        this.deviceId = (model == Model.PRO_3EM ? "shellypro3em-" : "shellyproem50-") + "c8f09e8a1b2c";
        // without it the JDK server's Nagle delay meets the client's delayed ACK: 40 ms per request
        System.setProperty("sun.net.httpserver.nodelay", "true");
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 16);
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    /** @param password null or empty: authentication off */
    public static ShellySimulator start(Model model, String password) {
        try {
            return new ShellySimulator(model, password);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return server.getAddress().getPort();
    }

    // ---- set-up and faults

    /**
     * One phase's values (0..2 for L1..L3; the Pro EM's channel is index 0). Power is signed (negative: feeding
     * in); the current is reported without sign, as the device does.
     */
    public synchronized ShellySimulator phase(int index, double newVolts, double newAmps, double newWatts) {
        volts[index] = newVolts;
        amps[index] = Math.abs(newAmps);
        watts[index] = newWatts;
        return this;
    }

    public synchronized ShellySimulator energies(double newImportWattHours, double newExportWattHours) {
        importWattHours = newImportWattHours;
        exportWattHours = newExportWattHours;
        return this;
    }

    public ShellySimulator delayAnswers(Duration newDelay) {
        delay = newDelay;
        return this;
    }

    public ShellySimulator garbage(boolean newGarbage) {
        garbage = newGarbage;
        return this;
    }

    public synchronized ShellySimulator omitField(String field) {
        omitted.add(field);
        return this;
    }

    /** The device restarted or rotated its nonce: authorizations for the old one are rejected. */
    public ShellySimulator newNonce() {
        nonce = newNonceValue();
        return this;
    }

    public ShellySimulator password(String newPassword) {
        password = newPassword;
        return this;
    }

    // ---- what happened

    /** Requests answered 401 (a challenge or a rejected authorization). */
    public synchronized int unauthorized() {
        return unauthorized;
    }

    /** Authorizations that were present but wrong (password, nonce or response). */
    public synchronized int rejectedAuthorizations() {
        return rejected;
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
            URI uri = exchange.getRequestURI();
            String path = uri.getPath();
            int status;
            String body;
            synchronized (this) {
                requests++;
                boolean open = path.equals("/rpc/Shelly.GetDeviceInfo");
                if (!open && password != null && !password.isEmpty()
                        && !authorized(exchange.getRequestHeaders().getFirst("Authorization"),
                                exchange.getRequestMethod(), uri.getRawPath()
                                        + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery()))) {
                    unauthorized++;
                    exchange.getResponseHeaders().set("WWW-Authenticate", "Digest qop=\"auth\", realm=\"" + deviceId
                            + "\", nonce=\"" + nonce + "\", algorithm=SHA-256");
                    status = 401;
                    body = "";
                } else if (garbage) {
                    status = 200;
                    body = "\u0000\u00ff<html>";
                } else {
                    Object answer = answer(path, uri.getRawQuery());
                    status = answer == null ? 404 : 200;
                    body = answer == null ? "{\"code\":404,\"message\":\"No handler for " + path + "\"}"
                            : GSON.toJson(answer);
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
            if (bytes.length > 0) {
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(bytes);
                }
            }
        } catch (IOException e) {
            // the client gave up
        }
    }

    private boolean authorized(String header, String method, String uri) {
        if (header == null) {
            return false;
        }
        if (!header.startsWith("Digest ")) {
            rejected++;
            return false;
        }
        Map<String, String> p = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(header.substring(7));
        while (matcher.find()) {
            p.put(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2) != null ? matcher.group(2)
                    : matcher.group(3));
        }
        boolean ok = "admin".equals(p.get("username")) && deviceId.equals(p.get("realm"))
                && nonce.equals(p.get("nonce")) && uri.equals(p.get("uri")) && "SHA-256".equals(p.get("algorithm"))
                && "auth".equals(p.get("qop")) && p.get("nc") != null && p.get("cnonce") != null;
        if (ok) {
            String ha1 = sha256("admin:" + deviceId + ":" + password);
            String ha2 = sha256(method + ":" + uri);
            String expected = sha256(ha1 + ":" + nonce + ":" + p.get("nc") + ":" + p.get("cnonce") + ":auth:" + ha2);
            ok = expected.equals(p.get("response"));
        }
        if (!ok) {
            rejected++;
        }
        return ok;
    }

    private Object answer(String path, String query) {
        int id = query != null && query.startsWith("id=") ? Integer.parseInt(query.substring(3)) : 0;
        Map<String, Object> result = new LinkedHashMap<>();
        switch (path) {
            case "/rpc/Shelly.GetDeviceInfo" -> {
                result.put("name", null);
                result.put("id", deviceId);
                result.put("mac", "C8F09E8A1B2C");
                result.put("slot", 0);
                result.put("model", model == Model.PRO_3EM ? "SPEM-003CEBEU" : "SPEM-002CEBEU50");
                result.put("gen", 2);
                result.put("fw_id", "20231107-164738/1.0.8-g8c7bb8d");
                result.put("ver", "1.0.8");
                result.put("app", model == Model.PRO_3EM ? "Pro3EM" : "ProEM");
                result.put("auth_en", password != null && !password.isEmpty());
                result.put("auth_domain", password != null && !password.isEmpty() ? deviceId : null);
                return result;
            }
            case "/rpc/EM.GetStatus" -> {
                if (model != Model.PRO_3EM || id != 0) {
                    return null;
                }
                result.put("id", 0);
                String[] names = {"a", "b", "c"};
                for (int i = 0; i < 3; i++) {
                    result.put(names[i] + "_current", amps[i]);
                    result.put(names[i] + "_voltage", volts[i]);
                    result.put(names[i] + "_act_power", watts[i]);
                    result.put(names[i] + "_aprt_power", Math.abs(watts[i]) * 1.01);
                    result.put(names[i] + "_pf", watts[i] == 0 ? 0 : 0.99);
                    result.put(names[i] + "_freq", 50.0);
                }
                result.put("n_current", null);
                result.put("total_current", amps[0] + amps[1] + amps[2]);
                result.put("total_act_power", watts[0] + watts[1] + watts[2]);
                result.put("total_aprt_power", (Math.abs(watts[0]) + Math.abs(watts[1]) + Math.abs(watts[2])) * 1.01);
                result.put("user_calibrated_phase", new Object[0]);
            }
            case "/rpc/EMData.GetStatus" -> {
                if (model != Model.PRO_3EM || id != 0) {
                    return null;
                }
                result.put("id", 0);
                String[] names = {"a", "b", "c"};
                for (int i = 0; i < 3; i++) {
                    result.put(names[i] + "_total_act_energy", importWattHours / 3);
                    result.put(names[i] + "_total_act_ret_energy", exportWattHours / 3);
                }
                result.put("total_act", importWattHours);
                result.put("total_act_ret", exportWattHours);
            }
            case "/rpc/EM1.GetStatus" -> {
                if (model != Model.PRO_EM || id > 1) {
                    return null;
                }
                result.put("id", id);
                result.put("current", amps[id]);
                result.put("voltage", volts[id]);
                result.put("act_power", watts[id]);
                result.put("aprt_power", Math.abs(watts[id]) * 1.01);
                result.put("pf", 0.99);
                result.put("freq", 50.0);
                result.put("calibration", "factory");
            }
            case "/rpc/EM1Data.GetStatus" -> {
                if (model != Model.PRO_EM || id > 1) {
                    return null;
                }
                result.put("id", id);
                result.put("total_act_energy", importWattHours);
                result.put("total_act_ret_energy", exportWattHours);
            }
            default -> {
                return null;
            }
        }
        result.keySet().removeAll(omitted);
        return result;
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String newNonceValue() {
        return Long.toHexString(RANDOM.nextLong() & Long.MAX_VALUE);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
