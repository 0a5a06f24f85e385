package org.chargingmanager.itests;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

/**
 * The standalone runtime as a newcomer starts it: {@code bin/chargingmanager} in its own process,
 * with a fresh data directory, a free port on loopback and a known admin password.
 */
final class RuntimeProcess implements AutoCloseable {

    static final String PASSWORD = "process-test-Password-7";

    private final Process process;
    private final int port;
    private final int ocppPort;
    private final HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5)).build();
    /** The test's directory: {@code data/} and the console logs. */
    final Path directory;
    final Path log;

    private RuntimeProcess(Process process, int port, int ocppPort, Path directory, Path log) {
        this.process = process;
        this.port = port;
        this.ocppPort = ocppPort;
        this.directory = directory;
        this.log = log;
    }

    static RuntimeProcess start(String name) throws IOException, InterruptedException {
        return start(StandaloneRuntime.testDirectory(name), "console.log");
    }

    /**
     * Starts the runtime on {@code directory/data}, which may hold the data of an earlier run,
     * with fresh free ports.
     */
    static RuntimeProcess start(Path directory, String consoleLog) throws IOException, InterruptedException {
        return start(directory, consoleLog, java.util.Map.of());
    }

    /** Like {@link #start(Path, String)}, with more environment variables (such as CHARGINGMANAGER_MQTT_URL). */
    static RuntimeProcess start(Path directory, String consoleLog, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(StandaloneRuntime.runtimeDirectory(), directory, consoleLog, environment);
    }

    /**
     * Starts the runtime installed in {@code home} (a copy of the built runtime with its own {@code etc/},
     * {@code bundle/} and {@code deploy/}) on {@code directory/data}.
     */
    static RuntimeProcess start(Path home, Path directory, String consoleLog, java.util.Map<String, String> environment)
            throws IOException, InterruptedException {
        int port = StandaloneRuntime.freePort();
        int ocppPort = StandaloneRuntime.freePort();
        Path log = directory.resolve(consoleLog);
        ProcessBuilder builder = new ProcessBuilder(
                home.resolve("bin/chargingmanager").toAbsolutePath().toString());
        builder.environment().put("CHARGINGMANAGER_DATA", directory.resolve("data").toString());
        builder.environment().put("CHARGINGMANAGER_HTTP_PORT", String.valueOf(port));
        builder.environment().put("CHARGINGMANAGER_OCPP_PORT", String.valueOf(ocppPort));
        builder.environment().put("CHARGINGMANAGER_ADMIN_PASSWORD", PASSWORD);
        builder.environment().putAll(environment);
        builder.redirectErrorStream(true).redirectOutput(log.toFile());
        RuntimeProcess runtime = new RuntimeProcess(builder.start(), port, ocppPort, directory, log);
        // 30 s; on a machine shared with other builds set ITEST_RUNTIME_READY_SECONDS higher
        String readySeconds = System.getenv().getOrDefault("ITEST_RUNTIME_READY_SECONDS", "30");
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(Long.parseLong(readySeconds));
        while (runtime.status("/cnf?cmd=get_cm_vars") != 200) {
            if (System.nanoTime() > deadline || !runtime.process.isAlive()) {
                String output = Files.exists(log) ? Files.readString(log) : "";
                runtime.close();
                throw new AssertionError("the runtime did not become ready; its console:\n" + output);
            }
            Thread.sleep(100);
        }
        return runtime;
    }

    /** The port of the OCPP server ({@code ws://127.0.0.1:<port>/<chargeBoxId>}). */
    int ocppPort() {
        return ocppPort;
    }

    /**
     * Kills the runtime's JVM (the script {@code exec}s it) and anything it started with SIGKILL
     * ({@link ProcessHandle#destroyForcibly()} on Linux): no shutdown hook, no flush, no close.
     */
    void kill() throws InterruptedException {
        ProcessHandle handle = process.toHandle();
        handle.descendants().forEach(ProcessHandle::destroyForcibly);
        handle.destroyForcibly();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            throw new AssertionError("the runtime survived SIGKILL");
        }
    }

    /** Whether the runtime's process runs. */
    boolean alive() {
        return process.isAlive();
    }

    int status(String path) {
        try {
            return get(path).statusCode();
        } catch (IOException | InterruptedException e) {
            return -1;
        }
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return client.send(request(path).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> post(String path, String body) throws IOException, InterruptedException {
        return client.send(request(path).POST(HttpRequest.BodyPublishers.ofString(body))
                .header("Content-Type", "application/x-www-form-urlencoded").build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Any method with a JSON body (or none), as the admin over HTTP Basic. */
    HttpResponse<String> send(String method, String path, String json) throws IOException, InterruptedException {
        return client.send(request(path).header("Content-Type", "application/json")
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build(), HttpResponse.BodyHandlers.ofString());
    }

    /** The runtime's HTTP port on loopback. */
    int port() {
        return port;
    }

    HttpResponse<String> getWithoutPassword(String path) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10))
                .header("Authorization", "Basic " + Base64.getEncoder()
                        .encodeToString(("admin:" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
