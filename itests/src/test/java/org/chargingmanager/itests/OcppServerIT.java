package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertFalse;
import static org.junit.Assert.assertNotNull;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Collection;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.inject.Inject;

import org.chargingmanager.api.evse.Evse;
import org.chargingmanager.ocpp.server.OcppCentralSystem;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;

/**
 * The OCPP server bundle in the standalone runtime's Felix: it starts with its private Jetty
 * next to Felix HTTP's Jetty, accepts a charge point over a real WebSocket on the port the test
 * gave it (never 19520), and registers the connector as an {@link Evse} service.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class OcppServerIT {

    @Inject
    private BundleContext context;

    @Inject
    private OcppCentralSystem centralSystem;

    @Configuration
    public Option[] configuration() {
        return StandaloneRuntime.options(StandaloneRuntime.testDirectory("ocpp-server"), StandaloneRuntime.freePort(),
                name -> true);
    }

    @Test
    public void jettyIsPrivateToTheBundle() {
        Bundle bundle = Stream.of(context.getBundles())
                .filter(b -> "org.chargingmanager.ocpp.server".equals(b.getSymbolicName())).findFirst().orElseThrow();
        assertEquals(Bundle.ACTIVE, bundle.getState());
        String imports = bundle.getHeaders().get("Import-Package");
        String exports = bundle.getHeaders().get("Export-Package");
        assertFalse(imports, imports.contains("org.eclipse.jetty"));
        assertFalse(exports, exports.contains("org.eclipse.jetty"));
    }

    @Test
    public void aChargePointBootsAndItsConnectorBecomesAnEvseService() throws Exception {
        int port = Integer.parseInt(context.getProperty("chargingmanager.ocpp.port"));
        assertTrue(port != 19520);
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket socket = HttpClient.newHttpClient().newWebSocketBuilder().subprotocols("ocpp1.6")
                .buildAsync(URI.create("ws://127.0.0.1:" + port + "/ocpp/IT-CP"), new WebSocket.Listener() {
                    private final StringBuilder text = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        text.append(data);
                        if (last) {
                            String frame = text.toString();
                            text.setLength(0);
                            if (frame.startsWith("[3,\"boot-1\"")) {
                                answer.complete(frame);
                            }
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        assertEquals("ocpp1.6", socket.getSubprotocol());
        socket.sendText("[2,\"boot-1\",\"BootNotification\",{\"chargePointVendor\":\"IT\",\"chargePointModel\":\"Felix\"}]", true);
        String confirmation = answer.get(10, TimeUnit.SECONDS);
        assertTrue(confirmation, confirmation.contains("\"Accepted\""));
        socket.sendText("[2,\"status-1\",\"StatusNotification\",{\"connectorId\":1,\"errorCode\":\"NoError\",\"status\":\"Available\"}]", true);
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        Collection<ServiceReference<Evse>> evses;
        do {
            evses = context.getServiceReferences(Evse.class, "(" + Evse.ID_PROPERTY + "=ocpp-IT-CP-1)");
            if (!evses.isEmpty()) {
                break;
            }
            Thread.sleep(50);
        } while (System.nanoTime() < deadline);
        assertEquals(1, evses.size());
        ServiceReference<Evse> reference = evses.iterator().next();
        assertEquals("ocpp", reference.getProperty(Evse.DRIVER_PROPERTY));
        assertNotNull(centralSystem.chargePoint("IT-CP").orElseThrow());
        assertTrue(centralSystem.chargePoint("IT-CP").orElseThrow().connected());
        socket.abort();
    }
}
