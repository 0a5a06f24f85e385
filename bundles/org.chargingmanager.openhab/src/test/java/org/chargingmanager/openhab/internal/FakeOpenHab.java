package org.chargingmanager.openhab.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * openHAB's REST endpoint for item states, as far as the publisher uses it, on 127.0.0.1 and an
 * ephemeral port: {@code PUT /rest/items/{item}/state} (text/plain body, answers 202) and
 * {@code GET /rest/items/{item}/state} ({@code NULL} before the first update). It checks the
 * Bearer token (401 otherwise, as openHAB does), answers 404 for unknown items, 400 for a text
 * the item's type does not accept (Number or Switch), and can be stopped and started again on the same port, with or without
 * keeping the states (openHAB with or without restoreOnStartup).
 */
final class FakeOpenHab implements AutoCloseable {

    record Put(String item, String body, String contentType) {
    }

    private static final Pattern STATE_PATH = Pattern.compile("/rest/items/([^/]+)/state");
    /** What a Number item and a Switch item accept as state. */
    private static final Map<String, Pattern> ACCEPTED = Map.of(
            "Number", Pattern.compile("-?\\d+(\\.\\d+)?|UNDEF|NULL"),
            "Switch", Pattern.compile("ON|OFF|UNDEF|NULL"));

    private final String token;
    /** Item name to type. */
    private final Map<String, String> items = new ConcurrentHashMap<>();
    private final Map<String, String> states = new ConcurrentHashMap<>();
    private final List<Put> puts = new CopyOnWriteArrayList<>();
    private final BlockingQueue<Put> arrivals = new LinkedBlockingQueue<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private volatile int port;
    private HttpServer server;

    FakeOpenHab(String token, String... items) {
        this.token = token;
        for (String item : items) {
            this.items.put(item, "Number");
        }
    }

    FakeOpenHab start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
        server.createContext("/", this::handle);
        server.start();
        port = server.getAddress().getPort();
        return this;
    }

    /** Stops at once; the port stays reserved for {@link #start()}. */
    void stop() {
        server.stop(0);
    }

    /** An openHAB restart; without persistence every item is NULL afterwards. */
    void restart(boolean keepStates) throws IOException {
        stop();
        if (!keepStates) {
            states.clear();
        }
        start();
    }

    @Override
    public void close() {
        if (server != null) {
            server.stop(0);
        }
    }

    URI baseUri() {
        return URI.create("http://127.0.0.1:" + port);
    }

    void addItem(String item) {
        addItem(item, "Number");
    }

    void addItem(String item, String type) {
        items.put(item, type);
    }

    void removeItem(String item) {
        items.remove(item);
        states.remove(item);
    }

    List<Put> puts() {
        return List.copyOf(puts);
    }

    List<String> bodiesFor(String item) {
        return puts.stream().filter(put -> put.item().equals(item)).map(Put::body).toList();
    }

    /** Every request line, for example {@code PUT /rest/items/CM_Tarif/state 202}. */
    List<String> requests() {
        return List.copyOf(requests);
    }

    BlockingQueue<Put> arrivals() {
        return arrivals;
    }

    String state(String item) {
        return states.getOrDefault(item, "NULL");
    }

    void clear() {
        puts.clear();
        requests.clear();
        arrivals.clear();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String method = exchange.getRequestMethod();
            String path = exchange.getRequestURI().getRawPath();
            byte[] body = exchange.getRequestBody().readAllBytes();
            Answer answer = answer(exchange, method, path, new String(body, StandardCharsets.UTF_8));
            // recorded before the client can see the answer, so a test never looks too early
            requests.add(method + " " + path + " " + answer.status());
            send(exchange, answer.status(), answer.text());
        }
    }

    private record Answer(int status, String text) {
    }

    private Answer answer(HttpExchange exchange, String method, String path, String body) {
        if (!("Bearer " + token).equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
            return new Answer(401, "");
        }
        Matcher matcher = STATE_PATH.matcher(path);
        if (!matcher.matches()) {
            return new Answer(404, error("HTTP 404 Not Found", 404));
        }
        String item = URLDecoder.decode(matcher.group(1), StandardCharsets.UTF_8);
        if (!items.containsKey(item)) {
            return new Answer(404, error("Item " + item + " does not exist!", 404));
        }
        if (method.equals("GET")) {
            return new Answer(200, state(item));
        }
        if (!method.equals("PUT")) {
            return new Answer(405, "");
        }
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        if (contentType == null || !contentType.startsWith("text/plain")) {
            return new Answer(415, "");
        }
        if (!ACCEPTED.get(items.get(item)).matcher(body).matches()) {
            return new Answer(400, error("State could not be parsed: " + body, 400));
        }
        Put put = new Put(item, body, contentType);
        puts.add(put);
        states.put(item, body);
        arrivals.add(put);
        return new Answer(202, "");
    }

    private static String error(String message, int status) {
        return "{\"error\":{\"message\":\"" + message + "\",\"http-code\":" + status + "}}";
    }

    private static void send(HttpExchange exchange, int status, String text) throws IOException {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", status == 200 ? "text/plain" : "application/json");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        if (bytes.length > 0) {
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }
}
