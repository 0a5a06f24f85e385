package org.chargingmanager.itests;

import static org.ops4j.pax.exam.CoreOptions.bundle;
import static org.ops4j.pax.exam.CoreOptions.cleanCaches;
import static org.ops4j.pax.exam.CoreOptions.frameworkProperty;
import static org.ops4j.pax.exam.CoreOptions.junitBundles;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;

import org.ops4j.pax.exam.Option;

/**
 * Pax Exam options that boot the same bundles as the standalone runtime
 * ({@code runtime/target/chargingmanager}), in a fresh data directory, with an HTTP port of
 * their own and FileInstall watching a directory of the test's.
 */
final class StandaloneRuntime {

    static final String ADMIN_PASSWORD = "itest-admin-Password-1";

    private StandaloneRuntime() {
    }

    static Path runtimeDirectory() {
        return Paths.get(System.getProperty("chargingmanager.runtime.directory", "../runtime/target/chargingmanager"));
    }

    static Path testDirectory(String name) {
        try {
            Path base = Paths.get(System.getProperty("chargingmanager.test.directory", "target/itest-data"));
            Files.createDirectories(base);
            return Files.createTempDirectory(base.toAbsolutePath(), name + "-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * @param testDirectory holds {@code data/} and {@code watched/} (FileInstall's directory)
     * @param bundleFilter which jars of the runtime's {@code bundle/} directory to install
     */
    static Option[] options(Path testDirectory, int httpPort, Predicate<String> bundleFilter) {
        Path runtime = runtimeDirectory();
        if (!Files.isDirectory(runtime.resolve("bundle"))) {
            throw new IllegalStateException("Build the runtime first (mvn install): no " + runtime.resolve("bundle"));
        }
        List<Option> options = new ArrayList<>();
        options.add(cleanCaches());
        options.add(junitBundles());
        options.add(frameworkProperty("chargingmanager.data").value(testDirectory.resolve("data").toString()));
        options.add(frameworkProperty("chargingmanager.admin.password").value(ADMIN_PASSWORD));
        options.add(frameworkProperty("org.osgi.service.http.port").value(String.valueOf(httpPort)));
        options.add(frameworkProperty("org.apache.felix.http.host").value("127.0.0.1"));
        // the OCPP server must never bind its default 19520 in a test
        options.add(frameworkProperty("chargingmanager.ocpp.port").value(String.valueOf(freePort())));
        options.add(frameworkProperty("felix.fileinstall.dir").value(testDirectory.resolve("watched").toString()));
        options.add(frameworkProperty("felix.fileinstall.poll").value("200"));
        options.add(frameworkProperty("felix.fileinstall.noInitialDelay").value("true"));
        options.add(frameworkProperty("felix.webconsole.security.providers").value("chargingmanager"));
        options.add(frameworkProperty("org.ops4j.pax.logging.DefaultServiceLog.level").value("WARN"));
        for (File jar : jars(runtime.resolve("system"), name -> name.startsWith("pax-logging"))) {
            options.add(bundle(jar.toURI().toString()).startLevel(1));
        }
        // the HTTP server, which the runtime starts last (start level 3), with the other bundles here
        for (File jar : jars(runtime.resolve("system"), name -> !name.startsWith("pax-logging"))) {
            options.add(bundle(jar.toURI().toString()));
        }
        for (File jar : jars(runtime.resolve("bundle"), bundleFilter)) {
            options.add(bundle(jar.toURI().toString()));
        }
        try {
            Files.createDirectories(testDirectory.resolve("watched"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return options.toArray(new Option[0]);
    }

    /**
     * Lets the test probe use the Java-OCA-OCPP client, which is not an OSGi bundle: its packages
     * are loaded from the test's class path through boot delegation.
     */
    static Option[] withOcaClient(Option[] options) {
        List<Option> all = new ArrayList<>(List.of(options));
        all.add(frameworkProperty("org.osgi.framework.bundle.parent").value("framework"));
        all.add(frameworkProperty("org.osgi.framework.bootdelegation")
                .value("eu.chargetime.*,org.java_websocket.*,javax.xml.bind,javax.xml.bind.*"));
        return all.toArray(new Option[0]);
    }

    /** The WebSocket base URL of the OCPP server in the framework the test runs in. */
    static String ocppBaseUrl(org.osgi.framework.BundleContext context) {
        return "ws://127.0.0.1:" + context.getProperty("chargingmanager.ocpp.port") + "/ocpp";
    }

    static File runtimeJar(String namePrefix) {
        List<File> found = jars(runtimeDirectory().resolve("bundle"), name -> name.startsWith(namePrefix));
        if (found.size() != 1) {
            throw new IllegalStateException("expected one " + namePrefix + "*.jar in the runtime, found " + found);
        }
        return found.get(0);
    }

    private static List<File> jars(Path directory, Predicate<String> filter) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(file -> file.getFileName().toString().endsWith(".jar"))
                    .filter(file -> filter.test(file.getFileName().toString()))
                    .sorted()
                    .map(Path::toFile)
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
