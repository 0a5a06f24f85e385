package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.Test;

/**
 * Issue 14, start-up: while a servlet of the charging manager is not registered yet, the
 * standalone runtime answers 503 with {@code Retry-After} on every path nobody serves (not
 * 404), and 404 once everything is there. Made to last: the OCPP server's port is taken by
 * another program, so the OCPP server and its servlets wait until it gets a free port.
 */
public class StartupUnavailableIT {

    @Test
    public void pathsNotServedYetAnswer503UntilEveryServletIsRegisteredThen404() throws Exception {
        Path directory = StandaloneRuntime.testDirectory("startup-503");
        Path home = copyRuntime(directory.resolve("home"));
        try (ServerSocket taken = new ServerSocket(0);
                RuntimeProcess runtime = RuntimeProcess.start(home, directory, "console.log",
                        Map.of("CHARGINGMANAGER_OCPP_PORT", String.valueOf(taken.getLocalPort())))) {
            try {
                assertEquals(200, runtime.get("/api/v1/evses").statusCode());
                for (String path : new String[] {"/api/v1/ocpp/chargepoints", "/api/v1/no-such-thing"}) {
                    HttpResponse<String> waiting = runtime.get(path);
                    assertEquals(path + ": " + waiting.body(), 503, waiting.statusCode());
                    assertEquals(path, "2", waiting.headers().firstValue("Retry-After").orElse(null));
                    assertTrue(waiting.body(), waiting.body().contains("starting"));
                }
                assertEquals("/ leads to the web UI", 302, runtime.getWithoutPassword("/").statusCode());

                // the OCPP server gets a free port: its servlets come, and an unknown path is 404 again
                Files.writeString(home.resolve("etc/org.chargingmanager.ocpp.server.config"),
                        "port=I\"" + StandaloneRuntime.freePort() + "\"\n");
                long deadline = System.nanoTime() + 30_000_000_000L;
                while (runtime.status("/api/v1/ocpp/chargepoints") != 200 && System.nanoTime() < deadline) {
                    Thread.sleep(100);
                }
                assertEquals(200, runtime.get("/api/v1/ocpp/chargepoints").statusCode());
                HttpResponse<String> unknown = runtime.get("/api/v1/no-such-thing");
                assertEquals(unknown.body(), 404, unknown.statusCode());
                assertTrue(unknown.body(), unknown.body().contains("no such resource"));
            } catch (AssertionError | RuntimeException e) {
                System.out.println(Files.readString(runtime.log));
                throw e;
            }
        }
    }

    /** A copy of the built runtime with its own etc/ (without data/). */
    private static Path copyRuntime(Path home) throws IOException {
        Path source = StandaloneRuntime.runtimeDirectory().toAbsolutePath();
        try (Stream<Path> files = Files.walk(source)) {
            files.filter(file -> !source.relativize(file).toString().startsWith("data")).forEach(file -> {
                try {
                    Path target = home.resolve(source.relativize(file).toString());
                    if (Files.isDirectory(file)) {
                        Files.createDirectories(target);
                    } else {
                        Files.copy(file, target, StandardCopyOption.COPY_ATTRIBUTES);
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        Files.setPosixFilePermissions(home.resolve("bin/chargingmanager"), PosixFilePermissions.fromString("rwxr-xr-x"));
        return home;
    }
}
