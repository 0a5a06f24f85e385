package org.chargingmanager.benchmarks.ocpp;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.stream.Stream;

import com.google.gson.JsonArray;
import com.google.gson.JsonParser;

import org.chargingmanager.benchmarks.ocpp.RawWebSocketClient.RawWebSocket;

/**
 * Load generator for the OCPP 1.6J server of the standalone runtime: starts the runtime as its own
 * process (copy of the built distribution, fresh data directory, free loopback ports, the shipped
 * JVM options), connects N simulated charge points over plain ws:// (BootNotification,
 * StatusNotification for connectors 0 and 1, answering the server's configuration CALLs), then
 * lets each send a Heartbeat and a three-phase MeterValues every interval (random phase offsets,
 * half an interval apart) for the given duration, and reports the round trip CALL to CALLRESULT
 * (p50/p90/p99/max), throughput, errors and the resident memory of the server before and with
 * all charge points connected. Stops by itself; loopback only.
 *
 * <p>The charge points talk through {@link RawWebSocketClient}: raw WebSocket frames on java.nio,
 * one selector thread for all connections (the JDK's {@code java.net.http} WebSocket cost about 2 ms
 * of CPU per handshake and much per message, taken from the server being measured on a small
 * machine). Answers are read without a JSON parser (type, message id and a StartTransaction's
 * transactionId); only the server's CALLs go through Gson.
 *
 * <pre>
 * java -cp ... OcppLoadGenerator --runtime runtime/target/chargingmanager [--charge-points 5000]
 *     [--duration 120] [--interval 10] [--connect-rate 250] [--report target/ocpp-load.txt]
 *     [--client-threads 1]
 * </pre>
 */
public final class OcppLoadGenerator {

    // ---------------------------------------------------------------- options

    private Path runtime;
    private int chargePoints = 5000;
    private int durationSeconds = 120;
    private int intervalSeconds = 10;
    private int connectRate = 250;
    private int maxConnecting = 200;
    private Path report;
    /** JVM options for the runtime (CHARGINGMANAGER_JAVA_OPTS); null: what the start script picks. */
    private String javaOptions;
    /** A transaction lasts this many intervals (StartTransaction, MeterValues with its id, StopTransaction); 0: none. */
    private int transactionIntervals;
    /** After the steady state: restart the runtime and measure how the charge points reconnect. */
    private boolean storm;
    /** During the steady state, every so many seconds: full GC, live heap, threads, file descriptors; 0: off. */
    private int sampleSeconds;
    /** Extra charge points that never read their socket and send 19 Heartbeats per second. */
    private int slowConsumers;
    /** Extra charge points that never read their socket and send CALLs as fast as they can. */
    private int flooders;
    /** Connections being opened at the same time in the storm. */
    private int stormConnecting = 1000;
    /** Selector threads of the WebSocket client (all charge points share them). */
    private int clientThreads = 1;

    // ---------------------------------------------------------------- state

    private final Histogram rampLatency = new Histogram();
    private final Histogram steadyLatency = new Histogram();
    /** The steady round trips again, by action: shows whether the tail is the durable transaction writes or all. */
    private final Map<String, Histogram> steadyByAction = new ConcurrentHashMap<>();
    private final Histogram rampBoot = new Histogram();
    private final Histogram stormBoot = new Histogram();
    private volatile boolean restarting;
    private final AtomicLong transactionsStarted = new AtomicLong();
    private final AtomicLong transactionsStopped = new AtomicLong();
    private final Set<Integer> startedIds = ConcurrentHashMap.newKeySet();
    private final Set<Integer> stoppedIds = ConcurrentHashMap.newKeySet();
    private final List<String> samples = new ArrayList<>();
    private volatile boolean steady;
    private final AtomicLong steadySent = new AtomicLong();
    private final AtomicLong steadyAnswered = new AtomicLong();
    private final AtomicLong callErrors = new AtomicLong();
    private final AtomicLong connectFailures = new AtomicLong();
    private final AtomicLong disconnects = new AtomicLong();
    private final AtomicLong serverCalls = new AtomicLong();
    private final AtomicInteger booted = new AtomicInteger();
    private final AtomicInteger open = new AtomicInteger();
    private final List<String> firstErrors = new ArrayList<>();
    private ScheduledExecutorService timer;
    /** The charge points' WebSockets: raw frames on java.nio, one selector thread for all by default. */
    private RawWebSocketClient webSockets;

    public static void main(String[] args) throws Exception {
        OcppLoadGenerator generator = new OcppLoadGenerator();
        for (int i = 0; i < args.length; i++) {
            String value = i + 1 < args.length ? args[i + 1] : null;
            switch (args[i]) {
                case "--runtime" -> generator.runtime = Path.of(value);
                case "--charge-points" -> generator.chargePoints = Integer.parseInt(value);
                case "--duration" -> generator.durationSeconds = Integer.parseInt(value);
                case "--interval" -> generator.intervalSeconds = Integer.parseInt(value);
                case "--connect-rate" -> generator.connectRate = Integer.parseInt(value);
                case "--report" -> generator.report = Path.of(value);
                case "--java-opts" -> generator.javaOptions = value.isBlank() ? null : value;
                case "--transaction-intervals" -> generator.transactionIntervals = Integer.parseInt(value);
                case "--storm" -> generator.storm = Boolean.parseBoolean(value);
                case "--sample-seconds" -> generator.sampleSeconds = Integer.parseInt(value);
                case "--slow-consumers" -> generator.slowConsumers = Integer.parseInt(value);
                case "--flooders" -> generator.flooders = Integer.parseInt(value);
                case "--client-threads" -> generator.clientThreads = Integer.parseInt(value);
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
            i++;
        }
        if (generator.runtime == null) {
            throw new IllegalArgumentException("--runtime <directory of the built runtime> is required");
        }
        System.exit(generator.run());
    }

    // ---------------------------------------------------------------- the run

    private int run() throws Exception {
        Path home = Files.createTempDirectory("cm-ocpp-load-");
        copy(runtime, home.resolve("runtime"));
        Path runtimeHome = home.resolve("runtime");
        Path data = home.resolve("data");
        int httpPort = freePort();
        int ocppPort = freePort();
        // loopback only; TLS Detect (the default) answers plain ws:// on the same port
        Files.writeString(runtimeHome.resolve("etc/org.chargingmanager.ocpp.server.config"),
                "host=\"127.0.0.1\"\nport=I\"" + ocppPort + "\"\n");
        ProcessBuilder builder = new ProcessBuilder("sh", runtimeHome.resolve("bin/chargingmanager").toString());
        builder.environment().put("CHARGINGMANAGER_DATA", data.toString());
        builder.environment().put("CHARGINGMANAGER_HTTP_PORT", Integer.toString(httpPort));
        builder.environment().put("CHARGINGMANAGER_OCPP_PORT", Integer.toString(ocppPort));
        builder.environment().put("CHARGINGMANAGER_ADMIN_PASSWORD", "load-generator-password");
        if (javaOptions != null) {
            builder.environment().put("CHARGINGMANAGER_JAVA_OPTS", javaOptions);
        }
        builder.redirectErrorStream(true);
        builder.redirectOutput(home.resolve("console.log").toFile());
        StringBuilder out = new StringBuilder();
        String loadBefore = loadAverage();
        Process server = builder.start();
        long pid = server.pid();
        List<Misbehaving> misbehaving = new ArrayList<>();
        int exit = 1;
        try {
            log("runtime started, pid " + pid + ", OCPP ws://127.0.0.1:" + ocppPort + "/, files in " + home);
            waitForPort(ocppPort, Duration.ofSeconds(60), server);
            Thread.sleep(10_000); // let it settle (every bundle active, first GCs)
            long rssBefore = rssKb(pid);
            String heapBefore = heapInfo(pid);
            log("server resident memory before connecting: " + rssBefore / 1024 + " MB; " + heapBefore);

            timer = Executors.newSingleThreadScheduledExecutor(r -> daemon(r, "load-timer"));
            webSockets = new RawWebSocketClient("load-ws", clientThreads);

            // ramp up
            List<SimulatedChargePoint> all = new ArrayList<>();
            Semaphore connecting = new Semaphore(maxConnecting);
            long rampStart = System.nanoTime();
            for (int i = 0; i < chargePoints; i++) {
                long due = rampStart + (long) i * 1_000_000_000L / connectRate;
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                connecting.acquire();
                SimulatedChargePoint cp = new SimulatedChargePoint(String.format(Locale.ROOT, "LOAD%05d", i + 1),
                        URI.create("ws://127.0.0.1:" + ocppPort + "/ocpp/"));
                all.add(cp);
                cp.connect().whenComplete((ok, failure) -> connecting.release());
            }
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            while (booted.get() + connectFailures.get() < chargePoints && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            double rampSeconds = (System.nanoTime() - rampStart) / 1e9;
            log(String.format(Locale.ROOT, "ramp: %d of %d booted in %.1f s, %d connect failures", booted.get(),
                    chargePoints, rampSeconds, connectFailures.get()));
            Thread.sleep(15_000); // the server's set-up CALLs after boot are done
            long rssConnected = rssKb(pid);
            String heapConnected = heapInfo(pid);
            int connectedCount = open.get();
            log("server resident memory with " + connectedCount + " connected: " + rssConnected / 1024 + " MB; "
                    + heapConnected);

            // steady state
            for (SimulatedChargePoint cp : all) {
                cp.startPeriodic();
            }
            for (int i = 0; i < slowConsumers + flooders; i++) {
                Misbehaving m = new Misbehaving(ocppPort, (i < slowConsumers ? "SLOW" : "FLOOD") + String.format(Locale.ROOT, "%03d", i),
                        i < slowConsumers ? 19 : 0);
                misbehaving.add(m);
                m.start();
            }
            Thread.sleep(intervalSeconds * 1000L); // one interval to spread out before measuring
            steady = true;
            long steadyStart = System.nanoTime();
            double cpuStart = cpuSeconds(pid);
            double ownCpuStart = cpuSeconds(ProcessHandle.current().pid());
            String loadStart = loadAverage();
            long nextSample = sampleSeconds > 0 ? 0 : Long.MAX_VALUE;
            for (int s = 0; s < durationSeconds; s += 10) {
                if (s >= nextSample) {
                    sample(pid, s);
                    nextSample += sampleSeconds;
                }
                Thread.sleep(Math.min(10, durationSeconds - s) * 1000L);
                log(String.format(Locale.ROOT, "  %3d s: %d answered, p99 so far %.1f ms, open %d, errors %d, transactions %d/%d",
                        s + Math.min(10, durationSeconds - s), steadyAnswered.get(),
                        steadyLatency.percentile(0.99) / 1000.0, open.get(), callErrors.get(), transactionsStarted.get(),
                        transactionsStopped.get()));
            }
            if (sampleSeconds > 0) {
                sample(pid, durationSeconds);
            }
            steady = false;
            double steadySeconds = (System.nanoTime() - steadyStart) / 1e9;
            double cpuUsed = cpuSeconds(pid) - cpuStart;
            double ownCpuUsed = cpuSeconds(ProcessHandle.current().pid()) - ownCpuStart;
            String loadEnd = loadAverage();
            long rssEnd = rssKb(pid);
            for (SimulatedChargePoint cp : all) {
                cp.stopPeriodic();
            }
            Thread.sleep(2000);
            String heapLive = liveHeap(pid);
            int misbehavingDropped = 0;
            for (Misbehaving m : misbehaving) {
                misbehavingDropped += m.dropped() ? 1 : 0;
                m.close();
            }
            String transactionCheck = transactionIntervals > 0 ? checkTransactionLog(httpPort) : "";
            String stormReport = "";
            if (storm) {
                stormReport = storm(all, builder, server);
                server = restarted;
                pid = server.pid();
            }

            long answered = steadyAnswered.get();
            out.append(String.format(Locale.ROOT, "OCPP load: %d charge points, Heartbeat + MeterValues every %d s each, "
                    + "%d s measured%n", chargePoints, intervalSeconds, durationSeconds));
            out.append(String.format(Locale.ROOT, "machine: %d cores, %s, %s; load average at start %s, at end of "
                    + "ramp %s, at end %s%n", Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.name"),
                    System.getProperty("java.version"), loadBefore, loadStart, loadEnd));
            out.append(String.format(Locale.ROOT, "ramp: %d booted in %.1f s (%d/s requested), connect failures %d; "
                    + "ramp round trips: %s%n", booted.get(), rampSeconds, connectRate, connectFailures.get(), rampLatency));
            out.append(String.format(Locale.ROOT, "steady: %d CALLs sent, %d CALLRESULTs in %.1f s = %.0f messages/s "
                    + "(CALL+CALLRESULT pairs), errors %d, disconnects %d, server CALLs answered %d%n",
                    steadySent.get(), answered, steadySeconds, answered / steadySeconds, callErrors.get(),
                    disconnects.get(), serverCalls.get()));
            out.append("steady round trip CALL -> CALLRESULT: ").append(steadyLatency).append('\n');
            new java.util.TreeMap<>(steadyByAction).forEach((action, histogram) ->
                    out.append("  ").append(action).append(": ").append(histogram).append('\n'));
            out.append(String.format(Locale.ROOT, "server CPU in the steady state: %.1f s in %.1f s (%.2f cores); %.0f CALLs "
                    + "answered per CPU second; load generator %.1f s (%.2f cores)%n", cpuUsed, steadySeconds,
                    cpuUsed / steadySeconds, answered / Math.max(0.001, cpuUsed), ownCpuUsed, ownCpuUsed / steadySeconds));
            out.append(String.format(Locale.ROOT, "server RSS: %d MB before connecting, %d MB with %d connected "
                    + "(%.1f KB per connection), %d MB at the end%n", rssBefore / 1024, rssConnected / 1024,
                    connectedCount, (rssConnected - rssBefore) / (double) Math.max(1, connectedCount), rssEnd / 1024));
            out.append("server heap before: ").append(heapBefore).append('\n');
            out.append("server heap connected: ").append(heapConnected).append('\n');
            out.append("server heap live after a full GC, all connected: ").append(heapLive).append('\n');
            out.append(String.format(Locale.ROOT, "boot round trip in the ramp: %s%n", rampBoot));
            if (transactionIntervals > 0) {
                out.append(String.format(Locale.ROOT, "transactions: %d started, %d stopped (confirmed to the charge points); %s%n",
                        transactionsStarted.get(), transactionsStopped.get(), transactionCheck));
            }
            if (!misbehaving.isEmpty()) {
                out.append(String.format(Locale.ROOT, "misbehaving: %d slow consumers (19 CALLs/s, never read), %d flooders "
                        + "(never read); %d of them disconnected by the server%n", slowConsumers, flooders, misbehavingDropped));
            }
            samples.forEach(line -> out.append("sample: ").append(line).append('\n'));
            out.append(stormReport);
            synchronized (firstErrors) {
                firstErrors.forEach(e -> out.append("error: ").append(e).append('\n'));
            }
            boolean ok = connectFailures.get() == 0 && booted.get() >= chargePoints && callErrors.get() == 0
                    && disconnects.get() == 0 && !transactionCheck.contains("MISSING");
            out.append(ok ? "result: all charge points connected, no errors" : "result: FAILURES (see above)")
                    .append(String.format(Locale.ROOT, "; p99 %.1f ms %s 50 ms%n", steadyLatency.percentile(0.99) / 1000.0,
                            steadyLatency.percentile(0.99) < 50_000 ? "<" : ">="));
            System.out.print(out);
            if (report != null) {
                Files.createDirectories(report.toAbsolutePath().getParent());
                Files.writeString(report, out.toString());
            }
            for (SimulatedChargePoint cp : all) {
                cp.close();
            }
            long closeDeadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
            while (open.get() > 0 && System.nanoTime() < closeDeadline) {
                Thread.sleep(50); // the server answers the close frames
            }
            exit = ok ? 0 : 2;
        } finally {
            if (restarted != null) {
                server = restarted;
            }
            server.destroy();
            if (!server.waitFor(30, TimeUnit.SECONDS)) {
                server.destroyForcibly();
            }
            if (timer != null) {
                timer.shutdownNow();
            }
            if (webSockets != null) {
                webSockets.close();
            }
            if (report != null) {
                // the runtime's log beside the report: what the server said about errors and disconnects
                Path logs = report.toAbsolutePath().resolveSibling(report.getFileName() + ".server-log");
                if (Files.exists(logs)) {
                    deleteQuietly(logs); // an earlier run of the same scenario
                }
                copy(data.resolve("log"), logs);
            }
            deleteQuietly(home);
        }
        return exit;
    }

    // ---------------------------------------------------------------- soak samples, transaction log, storm

    private Process restarted;

    /** Full GC, then the live heap, threads, open files and resident memory of the runtime. */
    private void sample(long pid, int second) throws IOException {
        String heap = liveHeap(pid);
        long usedKb = 0;
        // only the old generation: a full GC leaves the young one empty, and what is in it when heap_info
        // runs (a second jcmd, hundreds of ms later) is new garbage from 1,000 CALLs/s, not live data
        java.util.regex.Matcher used = java.util.regex.Pattern.compile("(ParOldGen|"
                + "tenured generation|garbage-first heap) total \\d+K, used (\\d+)K").matcher(heap);
        while (used.find()) {
            usedKb += Long.parseLong(used.group(2));
        }
        long threads = -1;
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("Threads:")) {
                threads = Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        long files;
        try (Stream<Path> fds = Files.list(Path.of("/proc/" + pid + "/fd"))) {
            files = fds.count();
        }
        String line = String.format(Locale.ROOT, "t=%5d s heap after full GC %6.1f MB, threads %d, open files %d, RSS %d MB, "
                + "load %s, transactions %d/%d", second, usedKb / 1024.0, threads, files, rssKb(pid) / 1024, loadAverage(),
                transactionsStarted.get(), transactionsStopped.get());
        samples.add(line);
        log("sample " + line);
    }

    /**
     * Reads the transaction log through the HTTP API (CSV) and checks that every transaction the
     * charge points got an id for is in it, and every one they stopped is closed.
     */
    private String checkTransactionLog(int httpPort) {
        try {
            // the ids confirmed before the log is read must be in it (committed before confirmed); ids
            // confirmed while it is read (late answers under load) are not checked
            Set<Integer> started = Set.copyOf(startedIds);
            Set<Integer> stopped = Set.copyOf(stoppedIds);
            HttpClient client = HttpClient.newHttpClient();
            java.net.http.HttpRequest request = java.net.http.HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + httpPort + "/api/v1/transactions.csv"))
                    .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                            "admin:load-generator-password".getBytes(StandardCharsets.UTF_8)))
                    .timeout(Duration.ofMinutes(5)).build();
            java.net.http.HttpResponse<String> response = client.send(request,
                    java.net.http.HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                return "transaction log not read: HTTP " + response.statusCode();
            }
            Map<Integer, Boolean> closedById = new java.util.HashMap<>();
            String[] lines = response.body().split("\r?\n");
            List<String> header = List.of(lines[0].split(","));
            int endColumn = header.indexOf("end");
            for (int i = 1; i < lines.length; i++) {
                String[] fields = lines[i].split(",", -1);
                if (fields.length > endColumn && !fields[0].isBlank()) {
                    closedById.put(Integer.parseInt(fields[0].replace("\"", "")), !fields[endColumn].isBlank());
                }
            }
            long missing = started.stream().filter(id -> !closedById.containsKey(id)).count();
            long notClosed = stopped.stream().filter(id -> !Boolean.TRUE.equals(closedById.get(id))).count();
            return String.format(Locale.ROOT, "transaction log: %d rows; of %d confirmed started before it was read %d missing, "
                    + "of %d confirmed stopped %d not closed%s",
                    closedById.size(), started.size(), missing, stopped.size(), notClosed,
                    missing + notClosed == 0 ? " (complete)" : " (MISSING)");
        } catch (IOException | InterruptedException | RuntimeException e) {
            return "transaction log not read: " + e;
        }
    }

    /**
     * Stops the runtime, starts it again on the same data and ports, and lets every charge point
     * reconnect at once (at most {@link #stormConnecting} handshakes at a time): reconnect time,
     * refused connections, boot round trips.
     */
    private String storm(List<SimulatedChargePoint> all, ProcessBuilder builder, Process server) throws Exception {
        for (SimulatedChargePoint cp : all) {
            cp.stopPeriodic();
        }
        restarting = true;
        log("storm: stopping the runtime");
        server.destroy();
        if (!server.waitFor(60, TimeUnit.SECONDS)) {
            server.destroyForcibly();
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (open.get() > 0 && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        log("storm: runtime stopped, " + open.get() + " connections still seen open; starting it again");
        restarted = builder.start();
        int port = Integer.parseInt(builder.environment().get("CHARGINGMANAGER_OCPP_PORT"));
        long startedAt = System.nanoTime();
        double boundSeconds = waitForPort(port, Duration.ofSeconds(120), restarted);
        double portSeconds = (System.nanoTime() - startedAt) / 1e9;
        booted.set(0);
        long failuresBefore = connectFailures.get();
        Semaphore connecting = new Semaphore(stormConnecting);
        double serverCpuAtPort = cpuSeconds(restarted.pid());
        double ownCpuBefore = cpuSeconds(ProcessHandle.current().pid());
        long t0 = System.nanoTime();
        for (SimulatedChargePoint cp : all) {
            connecting.acquire();
            cp.connect().whenComplete((ok, failure) -> connecting.release());
        }
        deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
        while (booted.get() < all.size() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        double serverCpu = cpuSeconds(restarted.pid()) - serverCpuAtPort;
        double ownCpu = cpuSeconds(ProcessHandle.current().pid()) - ownCpuBefore;
        restarting = false;
        String report = String.format(Locale.ROOT, "storm: runtime restarted (OCPP port bound %.1f s and answering "
                + "%.1f s after start, %.1f CPU s until then); %d of %d reconnected and booted in %.1f s, %d connections refused or failed; "
                + "CPU during the reconnect: server %.1f s (%.2f ms per charge point), load generator %.1f s; boot round "
                + "trip in the storm: %s; load average %s%n", boundSeconds, portSeconds, serverCpuAtPort, booted.get(), all.size(),
                seconds, connectFailures.get() - failuresBefore, serverCpu, serverCpu * 1000 / all.size(), ownCpu,
                stormBoot, loadAverage());
        log(report.trim());
        return report;
    }

    // ---------------------------------------------------------------- misbehaving charge points

    /**
     * A charge point on a plain socket (4 KiB receive buffer) that boots and then writes CALLs
     * without ever reading: {@code perSecond} Heartbeats per second, or as fast as the socket
     * takes them (0). Dropped once a write fails (the server closed it).
     */
    private static final class Misbehaving {
        private final Socket socket = new Socket();
        private final int perSecond;
        private final Thread writer;
        private volatile boolean dropped;
        private volatile boolean stop;

        Misbehaving(int port, String id, int perSecond) throws IOException {
            this.perSecond = perSecond;
            socket.setReceiveBufferSize(4096);
            socket.connect(new InetSocketAddress("127.0.0.1", port), 10_000);
            java.io.OutputStream out = socket.getOutputStream();
            out.write(("GET /ocpp/" + id + " HTTP/1.1\r\nHost: 127.0.0.1:" + port + "\r\nUpgrade: websocket\r\n"
                    + "Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                    + "Sec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: ocpp1.6\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            java.io.InputStream in = socket.getInputStream();
            StringBuilder headers = new StringBuilder();
            while (!headers.toString().endsWith("\r\n\r\n")) {
                int b = in.read();
                if (b < 0) {
                    throw new IOException("closed in the handshake");
                }
                headers.append((char) b);
            }
            writer = new Thread(() -> write(out, id), "misbehaving-" + id);
            writer.setDaemon(true);
        }

        void start() {
            writer.start();
        }

        private void write(java.io.OutputStream out, String id) {
            try {
                frame(out, "[2,\"b\",\"BootNotification\",{\"chargePointVendor\":\"Bad\",\"chargePointModel\":\"" + id + "\"}]");
                long n = 0;
                while (!stop) {
                    frame(out, "[2,\"h" + n++ + "\",\"Heartbeat\",{}]");
                    if (perSecond > 0) {
                        Thread.sleep(1000 / perSecond);
                    }
                }
            } catch (IOException e) {
                dropped = true;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        private static void frame(java.io.OutputStream out, String text) throws IOException {
            byte[] payload = text.getBytes(StandardCharsets.UTF_8);
            out.write(0x81);
            out.write(0x80 | payload.length); // short frames only
            out.write(new byte[4]);
            out.write(payload);
            out.flush();
        }

        boolean dropped() {
            return dropped;
        }

        void close() {
            stop = true;
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing
            }
        }
    }

    // ---------------------------------------------------------------- one charge point

    private static final String BOOT = "{\"chargePointVendor\":\"LoadGen\",\"chargePointModel\":\"LG-22\","
            + "\"chargePointSerialNumber\":\"%s\",\"firmwareVersion\":\"1.0.0\"}";
    private static final String CONFIGURATION = "{\"configurationKey\":["
            + "{\"key\":\"NumberOfConnectors\",\"readonly\":true,\"value\":\"1\"},"
            + "{\"key\":\"MeterValueSampleInterval\",\"readonly\":false,\"value\":\"%d\"},"
            + "{\"key\":\"MeterValuesSampledData\",\"readonly\":false,\"value\":\"%s\"},"
            + "{\"key\":\"MeterValuesSampledDataMaxLength\",\"readonly\":true,\"value\":\"8\"},"
            + "{\"key\":\"ChargingScheduleAllowedChargingRateUnit\",\"readonly\":true,\"value\":\"Current,Power\"},"
            + "{\"key\":\"ChargeProfileMaxStackLevel\",\"readonly\":true,\"value\":\"8\"}]}";

    /** A CALL waiting for its answer, and what to do with the answer (null: nothing). */
    private record Sent(String action, long nanos, Consumer<String> then) {
    }

    private static final String[] CURRENT_PHASES = {"L1", "L2", "L3"};
    private static final String[] VOLTAGE_PHASES = {"L1-N", "L2-N", "L3-N"};

    private final class SimulatedChargePoint implements RawWebSocketClient.Listener {

        private final String id;
        private final URI uri;
        private volatile RawWebSocket socket;
        /** CALLs waiting for their CALLRESULT or CALLERROR, by message id. */
        private final Map<String, Sent> outstanding = new ConcurrentHashMap<>();
        private volatile Integer transactionId;
        private volatile boolean startPending;
        /** Random start: the charge points' transactions do not all begin in the same interval. */
        private long ticks = transactionIntervals > 0 ? ThreadLocalRandom.current().nextInt(transactionIntervals) : 0;
        private long nextId;
        private double energyWh = ThreadLocalRandom.current().nextDouble(1_000, 500_000);
        private final List<ScheduledFuture<?>> periodic = new ArrayList<>();
        private volatile boolean closing;
        /** The charger's MeterValuesSampledData: what the server last set, kept across reconnects. */
        private volatile String measurands = "Energy.Active.Import.Register";

        SimulatedChargePoint(String id, URI base) {
            this.id = id;
            this.uri = base.resolve(id);
        }

        CompletableFuture<?> connect() {
            socket = null;
            outstanding.clear();
            return webSockets.connect(uri, "ocpp1.6", Duration.ofSeconds(30), this)
                    .handle((ws, failure) -> {
                        if (failure != null) {
                            connectFailures.incrementAndGet();
                            error(id + " connect: " + failure);
                            return null;
                        }
                        socket = ws;
                        open.incrementAndGet();
                        long bootSent = System.nanoTime();
                        call("BootNotification", String.format(Locale.ROOT, BOOT, id), result -> {
                            (restarting ? stormBoot : rampBoot).record((System.nanoTime() - bootSent) / 1000);
                            booted.incrementAndGet();
                            call("StatusNotification", status(0), next ->
                                    call("StatusNotification", status(1), null));
                        });
                        return null;
                    });
        }

        private String status(int connector) {
            return "{\"connectorId\":" + connector + ",\"errorCode\":\"NoError\",\"status\":\"Available\",\"timestamp\":\""
                    + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\"}";
        }

        void startPeriodic() {
            long period = intervalSeconds * 1000L;
            long offset = ThreadLocalRandom.current().nextLong(period);
            synchronized (periodic) {
                periodic.add(timer.scheduleAtFixedRate(() -> call("Heartbeat", "{}", null),
                        offset, period, TimeUnit.MILLISECONDS));
                periodic.add(timer.scheduleAtFixedRate(this::meterOrTransaction,
                        offset + period / 2, period, TimeUnit.MILLISECONDS));
            }
        }

        void stopPeriodic() {
            synchronized (periodic) {
                periodic.forEach(f -> f.cancel(false));
                periodic.clear();
            }
        }

        /** MeterValues; with transactions, every so many intervals a StopTransaction and a new StartTransaction. */
        private void meterOrTransaction() {
            if (transactionIntervals <= 0) {
                call("MeterValues", meterValues(null), null);
                return;
            }
            long tick = ticks++;
            Integer running = transactionId;
            if (startPending || (running != null && tick % transactionIntervals != 0)) {
                call("MeterValues", meterValues(running), null);
                return;
            }
            if (running != null) {
                transactionId = null;
                call("StopTransaction", "{\"transactionId\":" + running + ",\"meterStop\":" + (long) energyWh
                        + ",\"timestamp\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\",\"reason\":\"EVDisconnected\"}",
                        result -> {
                            transactionsStopped.incrementAndGet();
                            stoppedIds.add(running);
                        });
            }
            if (running == null && tick % transactionIntervals != 0) {
                call("MeterValues", meterValues(null), null);
                return;
            }
            startPending = true;
            call("StartTransaction", "{\"connectorId\":1,\"idTag\":\"" + id + "\",\"meterStart\":" + (long) energyWh
                    + ",\"timestamp\":\"" + Instant.now().truncatedTo(ChronoUnit.MILLIS) + "\"}", result -> {
                        int started = intField(result, "transactionId");
                        transactionId = started;
                        startPending = false;
                        transactionsStarted.incrementAndGet();
                        startedIds.add(started);
                    });
        }

        /** A three-phase sample of a charger delivering about 11 kW. */
        private String meterValues(Integer transaction) {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            double[] amps = new double[3];
            double[] volts = new double[3];
            double watts = 0;
            for (int phase = 0; phase < 3; phase++) {
                amps[phase] = 15.5 + random.nextDouble(1);
                volts[phase] = 228 + random.nextDouble(4);
                watts += amps[phase] * volts[phase];
            }
            energyWh += watts * intervalSeconds / 3600.0;
            StringBuilder json = new StringBuilder(1280);
            json.append("{\"connectorId\":1,");
            if (transaction != null) {
                json.append("\"transactionId\":").append(transaction.intValue()).append(',');
            }
            json.append("\"meterValue\":[{\"timestamp\":\"")
                    .append(Instant.now().truncatedTo(ChronoUnit.MILLIS)).append("\",\"sampledValue\":[");
            sample(json, energyWh, 1, "Energy.Active.Import.Register", null, "Wh");
            json.append(',');
            sample(json, watts, 0, "Power.Active.Import", null, "W");
            for (int phase = 0; phase < 3; phase++) {
                json.append(',');
                sample(json, amps[phase], 2, "Current.Import", CURRENT_PHASES[phase], "A");
            }
            for (int phase = 0; phase < 3; phase++) {
                json.append(',');
                sample(json, volts[phase], 1, "Voltage", VOLTAGE_PHASES[phase], "V");
            }
            return json.append("]}]}").toString();
        }

        private void sample(StringBuilder json, double value, int decimals, String measurand, String phase, String unit) {
            json.append("{\"value\":\"");
            appendFixed(json, value, decimals);
            json.append("\",\"context\":\"Sample.Periodic\",\"measurand\":\"").append(measurand).append('"');
            if (phase != null) {
                json.append(",\"phase\":\"").append(phase).append('"');
            }
            json.append(",\"location\":\"Outlet\",\"unit\":\"").append(unit).append("\"}");
        }

        private void call(String action, String payload, Consumer<String> then) {
            RawWebSocket ws = socket;
            if (closing || ws == null || ws.isOutputClosed()) {
                return;
            }
            String messageId;
            synchronized (this) {
                messageId = Long.toString(++nextId, 36);
            }
            if (steady) {
                steadySent.incrementAndGet();
            }
            outstanding.put(messageId, new Sent(action, System.nanoTime(), then));
            send(ws, "[2,\"" + messageId + "\",\"" + action + "\"," + payload + "]");
        }

        private void send(RawWebSocket ws, String frame) {
            if (!ws.sendText(frame) && !closing && !restarting) {
                callErrors.incrementAndGet();
                error(id + " send: the connection is closed");
            }
        }

        @Override
        public void onOpen(RawWebSocket webSocket) {
            socket = webSocket; // before any message of the server can arrive
        }

        @Override
        public void onText(RawWebSocket webSocket, String text) {
            long now = System.nanoTime();
            try {
                received(webSocket, text, now);
            } catch (RuntimeException e) {
                callErrors.incrementAndGet();
                error(id + " cannot handle " + text + ": " + e);
            }
        }

        private void received(RawWebSocket ws, String text, long now) {
            // [type,"id",...]: an answer needs only its type and id, no JSON parser
            int type = messageType(text);
            if (type == 3 || type == 4) {
                String messageId = messageId(text);
                Sent sent = outstanding.remove(messageId);
                if (sent == null) {
                    callErrors.incrementAndGet();
                    error(id + " answer to nothing: " + text);
                    return;
                }
                if (type == 4) {
                    callErrors.incrementAndGet();
                    error(id + " CALLERROR: " + text);
                    return;
                }
                long micros = (now - sent.nanos()) / 1000;
                if (steady) {
                    steadyLatency.record(micros);
                    steadyByAction.computeIfAbsent(sent.action(), action -> new Histogram()).record(micros);
                    steadyAnswered.incrementAndGet();
                } else {
                    rampLatency.record(micros);
                }
                if (sent.then() != null) {
                    sent.then().accept(text);
                }
            } else if (type == 2) {
                // a CALL of the server (a few per charge point after the boot): read with Gson
                JsonArray frame = JsonParser.parseString(text).getAsJsonArray();
                String messageId = frame.get(1).getAsString();
                serverCalls.incrementAndGet();
                String action = frame.get(2).getAsString();
                String payload = switch (action) {
                    case "GetConfiguration" -> String.format(Locale.ROOT, CONFIGURATION, intervalSeconds, measurands);
                    case "ChangeConfiguration", "SetChargingProfile", "ClearChargingProfile", "TriggerMessage",
                            "ChangeAvailability" -> "{\"status\":\"Accepted\"}";
                    default -> null;
                };
                if (action.equals("ChangeConfiguration")
                        && "MeterValuesSampledData".equals(frame.get(3).getAsJsonObject().get("key").getAsString())) {
                    measurands = frame.get(3).getAsJsonObject().get("value").getAsString(); // kept, as a real charger does
                }
                if (payload == null) {
                    send(ws, "[4,\"" + messageId + "\",\"NotImplemented\",\"" + action + "\",{}]");
                } else {
                    send(ws, "[3,\"" + messageId + "\"," + payload + "]");
                }
                if (action.equals("TriggerMessage") && text.contains("StatusNotification")) {
                    call("StatusNotification", status(1), null);
                }
            }
        }

        @Override
        public void onClose(RawWebSocket webSocket, int statusCode, String reason) {
            open.decrementAndGet();
            if (!closing && !restarting) {
                disconnects.incrementAndGet();
                error(id + " closed by the server: " + statusCode + " " + reason);
            }
        }

        @Override
        public void onError(RawWebSocket webSocket, Throwable error) {
            if (restarting) {
                open.decrementAndGet(); // the runtime went away without a close frame
            } else if (!closing) {
                callErrors.incrementAndGet();
                error(id + " error: " + error);
            }
        }

        void close() {
            closing = true;
            RawWebSocket ws = socket;
            if (ws != null) {
                ws.sendClose(1000, "load test over");
            }
        }
    }

    // ---------------------------------------------------------------- reading OCPP-J frames without a parser

    /** The message type of an OCPP-J frame {@code [type,...]} (2 CALL, 3 CALLRESULT, 4 CALLERROR). */
    static int messageType(String text) {
        int i = skipSpace(text, 0);
        if (i >= text.length() || text.charAt(i) != '[') {
            throw new IllegalArgumentException("not an OCPP-J frame");
        }
        i = skipSpace(text, i + 1);
        int start = i;
        int type = 0;
        while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9' && i - start < 3) {
            type = type * 10 + text.charAt(i++) - '0';
        }
        if (i == start) {
            throw new IllegalArgumentException("no message type");
        }
        return type;
    }

    /** The message id, the second element of an OCPP-J frame (with Gson if it has escapes). */
    static String messageId(String text) {
        int comma = text.indexOf(',');
        int quote = comma < 0 ? -1 : skipSpace(text, comma + 1);
        if (quote < 0 || quote >= text.length() || text.charAt(quote) != '"') {
            throw new IllegalArgumentException("no message id");
        }
        int end = text.indexOf('"', quote + 1);
        if (end < 0) {
            throw new IllegalArgumentException("no message id");
        }
        String messageId = text.substring(quote + 1, end);
        if (messageId.indexOf('\\') >= 0) {
            return JsonParser.parseString(text).getAsJsonArray().get(1).getAsString();
        }
        return messageId;
    }

    /** The integer value of the first member {@code "name":} in a JSON text (not in strings with escapes). */
    static int intField(String text, String name) {
        String key = '"' + name + '"';
        for (int at = text.indexOf(key); at >= 0; at = text.indexOf(key, at + 1)) {
            int i = skipSpace(text, at + key.length());
            if (i >= text.length() || text.charAt(i) != ':') {
                continue; // a string value, not a member name
            }
            i = skipSpace(text, i + 1);
            int start = i;
            if (i < text.length() && text.charAt(i) == '-') {
                i++;
            }
            while (i < text.length() && text.charAt(i) >= '0' && text.charAt(i) <= '9') {
                i++;
            }
            return Integer.parseInt(text, start, i, 10);
        }
        throw new IllegalArgumentException("no " + name + " in " + text);
    }

    private static int skipSpace(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) {
            i++;
        }
        return i;
    }

    /**
     * Appends a non-negative value with a fixed number of decimals (0 to 3), rounded half up: what
     * {@code String.format(Locale.ROOT, "%.Nf", value)} writes, without a Formatter per value.
     */
    static void appendFixed(StringBuilder out, double value, int decimals) {
        long scale = decimals == 0 ? 1 : decimals == 1 ? 10 : decimals == 2 ? 100 : 1000;
        long scaled = Math.round(value * scale);
        out.append(scaled / scale);
        if (decimals > 0) {
            out.append('.');
            long fraction = scaled % scale;
            for (long digit = scale / 10; digit > 1 && fraction < digit; digit /= 10) {
                out.append('0');
            }
            out.append(fraction);
        }
    }

    // ---------------------------------------------------------------- latency histogram

    /** Counts round trips in 10 µs buckets up to 10 s. */
    static final class Histogram {
        private static final int BUCKET_MICROS = 10;
        private final AtomicLongArray buckets = new AtomicLongArray(1_000_001);
        private final AtomicLong count = new AtomicLong();
        private final AtomicLong max = new AtomicLong();

        void record(long micros) {
            buckets.incrementAndGet((int) Math.min(buckets.length() - 1, micros / BUCKET_MICROS));
            count.incrementAndGet();
            max.accumulateAndGet(micros, Math::max);
        }

        /** In µs: the upper edge of the bucket holding that fraction. */
        long percentile(double fraction) {
            long total = count.get();
            if (total == 0) {
                return 0;
            }
            long rank = (long) Math.ceil(fraction * total);
            long seen = 0;
            for (int i = 0; i < buckets.length(); i++) {
                seen += buckets.get(i);
                if (seen >= rank) {
                    return Math.min((i + 1L) * BUCKET_MICROS, max.get());
                }
            }
            return max.get();
        }

        @Override
        public String toString() {
            return String.format(Locale.ROOT, "n=%d p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, p99.9 %.2f ms, max %.2f ms",
                    count.get(), percentile(0.5) / 1000.0, percentile(0.9) / 1000.0, percentile(0.99) / 1000.0,
                    percentile(0.999) / 1000.0, max.get() / 1000.0);
        }
    }

    // ---------------------------------------------------------------- helpers

    private void error(String message) {
        synchronized (firstErrors) {
            if (firstErrors.size() < 20) {
                firstErrors.add(message);
            }
        }
    }

    private static Thread daemon(Runnable runnable, String name) {
        Thread thread = new Thread(runnable, name);
        thread.setDaemon(true);
        return thread;
    }

    private static void log(String message) {
        System.out.println("[" + Instant.now().truncatedTo(ChronoUnit.SECONDS) + "] " + message);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /**
     * Waits until the server answers HTTP on the port (a plain GET, answered 404 or so): a port that
     * takes TCP connections may not take requests yet (the OCPP server binds at once and takes
     * connections when the runtime has started).
     *
     * @return seconds from the call until the port first took a TCP connection
     */
    private static double waitForPort(int port, Duration timeout, Process server) throws Exception {
        long start = System.nanoTime();
        long deadline = start + timeout.toNanos();
        double boundSeconds = Double.NaN;
        while (System.nanoTime() < deadline) {
            if (!server.isAlive()) {
                throw new IllegalStateException("the runtime exited with " + server.exitValue());
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                if (Double.isNaN(boundSeconds)) {
                    boundSeconds = (System.nanoTime() - start) / 1e9;
                }
                socket.setSoTimeout(200);
                socket.getOutputStream().write("GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n"
                        .getBytes(StandardCharsets.US_ASCII));
                if (socket.getInputStream().read() >= 0) {
                    return boundSeconds;
                }
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new IllegalStateException("the OCPP port " + port + " did not answer within " + timeout);
    }

    /** User + system CPU time of the process (clock ticks of 1/100 s). */
    private static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static long rssKb(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", ""));
            }
        }
        return -1;
    }

    private static String loadAverage() {
        try {
            String[] parts = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
            return parts[0] + " " + parts[1] + " " + parts[2];
        } catch (IOException e) {
            return "?";
        }
    }

    /** The heap line of {@code jcmd PID GC.heap_info} (optional: "n/a" without jcmd). */
    private static String heapInfo(long pid) {
        return jcmd(pid, "GC.heap_info");
    }

    private static String liveHeap(long pid) {
        jcmd(pid, "GC.run");
        return jcmd(pid, "GC.heap_info");
    }

    private static String jcmd(long pid, String command) {
        try {
            Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
            Process process = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
                    Long.toString(pid), command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            process.waitFor(30, TimeUnit.SECONDS);
            StringBuilder summary = new StringBuilder();
            for (String line : output.split("\n")) {
                String trimmed = line.trim();
                if (trimmed.startsWith("def new generation") || trimmed.startsWith("tenured generation")
                        || trimmed.startsWith("Metaspace") || trimmed.startsWith("garbage-first heap")
                        || trimmed.startsWith("PSYoungGen") || trimmed.startsWith("ParOldGen")) {
                    summary.append(summary.isEmpty() ? "" : "; ").append(trimmed.replaceAll("\\s+", " ")
                            .replaceAll(" \\[0x.*", ""));
                }
            }
            return summary.isEmpty() ? "n/a" : summary.toString();
        } catch (IOException | InterruptedException e) {
            return "n/a (" + e + ")";
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path source : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    if (!source.getFileName().toString().equals("data")) {
                        Files.createDirectories(target);
                    }
                } else if (!from.relativize(source).startsWith("data")) {
                    Files.copy(source, target, java.nio.file.StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> files = Files.walk(directory)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException ignored) {
            // a temporary directory
        }
    }
}
