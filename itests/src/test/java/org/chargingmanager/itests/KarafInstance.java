package org.chargingmanager.itests;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A real Apache Karaf distribution unpacked into {@code target/}, started as its own process with
 * {@code bin/karaf server} and driven with {@code bin/client} over SSH on loopback, as an
 * installer would drive openHAB's console. Every port it opens is a free loopback port.
 */
final class KarafInstance implements AutoCloseable {

    static final String CONSOLE_USER = "karaf";
    static final String CONSOLE_PASSWORD = "itest-console-Password-1";

    final Path home;
    final int httpPort = StandaloneRuntime.freePort();
    final int sshPort = StandaloneRuntime.freePort();
    private final int rmiRegistryPort = StandaloneRuntime.freePort();
    private final int rmiServerPort = StandaloneRuntime.freePort();
    private final Map<String, String> environment = new LinkedHashMap<>();
    private Process process;

    private KarafInstance(Path home) {
        this.home = home;
    }

    /** Unpacks {@code archive} (a Karaf {@code .tar.gz}) into a new directory below {@code parent}. */
    static KarafInstance unpack(Path archive, Path parent) throws IOException, InterruptedException {
        Files.createDirectories(parent);
        Path target = Files.createTempDirectory(parent, "karaf-");
        run(List.of("tar", "-xzf", archive.toString(), "-C", target.toString(), "--strip-components=1"), target);
        return new KarafInstance(target);
    }

    KarafInstance environment(String name, String value) {
        environment.put(name, value);
        return this;
    }

    /** Ports on loopback only, a console user for {@code bin/client}, and the given framework. */
    KarafInstance configure(String framework) throws IOException {
        setProperty("etc/config.properties", "karaf.framework", framework);
        setProperty("etc/org.apache.karaf.shell.cfg", "sshPort", String.valueOf(sshPort));
        setProperty("etc/org.apache.karaf.shell.cfg", "sshHost", "127.0.0.1");
        setProperty("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", String.valueOf(rmiRegistryPort));
        setProperty("etc/org.apache.karaf.management.cfg", "rmiServerPort", String.valueOf(rmiServerPort));
        setProperty("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", String.valueOf(httpPort));
        setProperty("etc/org.ops4j.pax.web.cfg", "org.ops4j.pax.web.listening.addresses", "127.0.0.1");
        setProperty("etc/users.properties", CONSOLE_USER, CONSOLE_PASSWORD + ",_g_:admingroup");
        setProperty("etc/users.properties", "_g_\\:admingroup", "group,admin,manager,viewer,systembundles,ssh");
        return this;
    }

    /** Adds features to {@code featuresBoot} of {@code etc/org.apache.karaf.features.cfg}. */
    KarafInstance bootFeatures(String... features) throws IOException {
        Path file = home.resolve("etc/org.apache.karaf.features.cfg");
        String text = Files.readString(file);
        int start = text.indexOf("featuresBoot");
        int end = text.indexOf("\n\n", start);
        String addition = ", \\\n    " + String.join(", \\\n    ", features);
        Files.writeString(file, text.substring(0, end) + addition + text.substring(end));
        return this;
    }

    /**
     * Sets {@code key = value} in a properties or {@code .cfg} file of the distribution: the line
     * with that key (and its continuation lines) is replaced, or the line is appended.
     */
    KarafInstance setProperty(String relativeFile, String key, String value) throws IOException {
        Path file = home.resolve(relativeFile);
        List<String> lines = Files.exists(file) ? Files.readAllLines(file) : new ArrayList<>();
        List<String> result = new ArrayList<>();
        boolean replaced = false;
        boolean skippingContinuation = false;
        for (String line : lines) {
            if (skippingContinuation) {
                skippingContinuation = line.endsWith("\\");
                continue;
            }
            String trimmed = line.trim();
            if (!trimmed.startsWith("#") && (trimmed.startsWith(key + "=") || trimmed.startsWith(key + " ")
                    || trimmed.startsWith(key + "\t"))) {
                if (!replaced) {
                    result.add(key + " = " + value);
                    replaced = true;
                }
                skippingContinuation = line.endsWith("\\");
                continue;
            }
            result.add(line);
        }
        if (!replaced) {
            result.add(key + " = " + value);
        }
        Files.write(file, result);
        return this;
    }

    void start() throws IOException {
        ProcessBuilder builder = new ProcessBuilder(home.resolve("bin/karaf").toString(), "server")
                .directory(home.toFile()).redirectErrorStream(true)
                .redirectOutput(home.resolve("console.out").toFile());
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        builder.environment().putAll(environment);
        process = builder.start();
    }

    /** Runs console commands with {@code bin/client}; returns what the console printed. */
    String console(String... commands) throws IOException, InterruptedException {
        List<String> command = List.of(home.resolve("bin/client").toString(), "-h", "127.0.0.1", "-a",
                String.valueOf(sshPort), "-u", CONSOLE_USER, "-p", CONSOLE_PASSWORD, "-r", "30", "-d", "2",
                "-b");
        ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process client = builder.start();
        client.getOutputStream().write((String.join("\n", commands) + "\n").getBytes(StandardCharsets.UTF_8));
        client.getOutputStream().close();
        byte[] output = client.getInputStream().readAllBytes();
        if (!client.waitFor(2, TimeUnit.MINUTES)) {
            client.destroyForcibly();
            throw new AssertionError("bin/client did not finish: " + String.join("; ", commands));
        }
        return new String(output, StandardCharsets.UTF_8);
    }

    /** Stops Karaf as {@code bin/stop} would and waits until the process is gone. */
    void stop() throws IOException, InterruptedException {
        if (process == null) {
            return;
        }
        run(List.of(home.resolve("bin/stop").toString()), home);
        if (!process.waitFor(60, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
        process = null;
    }

    String log() {
        Path log = home.resolve("data/log/karaf.log");
        try {
            return Files.exists(log) ? Files.readString(log) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The last lines of karaf.log, for assertion messages. */
    String logTail(int lines) {
        List<String> all = log().lines().toList();
        return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    }

    /** Every file below {@code directory} of the distribution, relative to it. */
    List<String> files(String directory) throws IOException {
        Path root = home.resolve(directory);
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(root)) {
            return walk.filter(Files::isRegularFile).map(path -> root.relativize(path).toString()).sorted().toList();
        }
    }

    @Override
    public void close() throws Exception {
        if (process != null) {
            try {
                stop();
            } finally {
                if (process != null) {
                    process.destroyForcibly();
                }
            }
        }
    }

    private static void run(List<String> command, Path directory) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true);
        builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
        Process started = builder.start();
        byte[] output = started.getInputStream().readAllBytes();
        if (!started.waitFor(2, TimeUnit.MINUTES) || started.exitValue() != 0) {
            throw new IOException(command + " failed: " + new String(output, StandardCharsets.UTF_8));
        }
    }
}
