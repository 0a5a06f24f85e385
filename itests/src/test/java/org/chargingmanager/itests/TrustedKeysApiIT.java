package org.chargingmanager.itests;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Hashtable;
import java.util.HexFormat;

import javax.inject.Inject;

import org.chargingmanager.api.eichrecht.TrustedKeyState;
import org.chargingmanager.api.eichrecht.TrustedKeys;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.BundleContext;
import org.osgi.service.cm.ConfigurationAdmin;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

/**
 * The admin's view of the trusted meter keys over HTTP in the standalone runtime's Felix: an
 * adopted (unconfirmed) key is listed and confirmed, a key is entered and removed, bad keys are
 * refused, and the internal signing key shows in the API and in the charging point's settings.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TrustedKeysApiIT {

    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    @Inject
    private BundleContext context;

    @Inject
    private TrustedKeys trustedKeys;

    @Inject
    private ConfigurationAdmin configurationAdmin;

    @Configuration
    public Option[] configuration() {
        return StandaloneRuntime.options(StandaloneRuntime.testDirectory("trusted-keys"), StandaloneRuntime.freePort(),
                name -> true);
    }

    @Test
    public void anAdoptedKeyIsConfirmedAndAnEnteredKeyRemovedOverHttp() throws Exception {
        String meterKey = newPublicKeyHex();
        trustedKeys.offer("evse-adopted", meterKey, "the configuration of charge point CB1");

        assertEquals(401, request("GET", "/api/v1/trusted-keys", null, false).statusCode());
        assertEquals(401, request("POST", "/api/v1/trusted-keys/evse-adopted/confirm", "", false).statusCode());
        JsonObject adopted = find(json(request("GET", "/api/v1/trusted-keys", null, true)), "evse-adopted");
        assertEquals("UNCONFIRMED", adopted.get("state").getAsString());
        assertEquals("the configuration of charge point CB1", adopted.get("source").getAsString());

        HttpResponse<String> confirmed = request("POST", "/api/v1/trusted-keys/evse-adopted/confirm", "", true);
        assertEquals(confirmed.body(), 200, confirmed.statusCode());
        assertEquals("CONFIRMED", json(confirmed).get("state").getAsString());
        assertEquals(TrustedKeyState.CONFIRMED, trustedKeys.find("evse-adopted").orElseThrow().state());
        assertEquals(404, request("POST", "/api/v1/trusted-keys/evse-unknown/confirm", "", true).statusCode());

        assertEquals(400, request("PUT", "/api/v1/trusted-keys/evse-entered", "{\"publicKey\":\"not a key\"}", true)
                .statusCode());
        assertEquals(400, request("PUT", "/api/v1/trusted-keys/evse-entered", "{\"key\":1}", true).statusCode());
        String enteredKey = newPublicKeyHex();
        HttpResponse<String> entered = request("PUT", "/api/v1/trusted-keys/evse-entered",
                "{\"publicKey\":\"" + enteredKey + "\"}", true);
        assertEquals(entered.body(), 200, entered.statusCode());
        assertEquals("CONFIRMED", json(entered).get("state").getAsString());
        assertTrue(json(request("GET", "/api/v1/trusted-keys/evse-entered", null, true)).get("publicKey").getAsString()
                .equalsIgnoreCase(enteredKey));

        assertEquals(204, request("DELETE", "/api/v1/trusted-keys/evse-entered", null, true).statusCode());
        assertEquals(404, request("GET", "/api/v1/trusted-keys/evse-entered", null, true).statusCode());
        assertTrue(trustedKeys.find("evse-entered").isEmpty());
    }

    @Test
    public void theInternalSigningKeyShowsInTheApiAndInTheSettings() throws Exception {
        org.osgi.service.cm.Configuration settings = configurationAdmin
                .createFactoryConfiguration("org.chargingmanager.eichrecht.evse", "?");
        Hashtable<String, Object> properties = new Hashtable<>();
        properties.put("evseId", "evse-internal");
        properties.put("signInternalReadings", Boolean.TRUE);
        settings.update(properties);

        String publicKey = json(request("GET", "/api/v1/eichrecht/internal-signing-key", null, true)).get("publicKey")
                .getAsString();
        assertTrue(publicKey, publicKey.matches("[0-9A-Fa-f]{100,}"));
        Await.until("the public key in the settings", Duration.ofSeconds(20), () -> {
            try {
                Object shown = configurationAdmin.getConfiguration(settings.getPid(), null).getProperties()
                        .get("internalSigningPublicKey");
                return publicKey.equals(shown);
            } catch (java.io.IOException e) {
                return false;
            }
        });
        Await.until("the trusted key of evse-internal", Duration.ofSeconds(20),
                () -> trustedKeys.find("evse-internal").isPresent());
        assertTrue(trustedKeys.find("evse-internal").orElseThrow().publicKey().equalsIgnoreCase(publicKey));
    }

    private static String newPublicKeyHex() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        return HexFormat.of().withUpperCase().formatHex(generator.generateKeyPair().getPublic().getEncoded());
    }

    private static JsonObject find(JsonObject list, String evseId) {
        JsonArray keys = list.getAsJsonArray("trustedKeys");
        for (int i = 0; i < keys.size(); i++) {
            if (evseId.equals(keys.get(i).getAsJsonObject().get("evseId").getAsString())) {
                return keys.get(i).getAsJsonObject();
            }
        }
        throw new AssertionError(evseId + " not listed: " + list);
    }

    private static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private HttpResponse<String> request(String method, String path, String body, boolean authenticated) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                + context.getProperty("org.osgi.service.http.port") + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body));
        if (authenticated) {
            builder.header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
                    ("admin:" + StandaloneRuntime.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        try {
            return http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(method + " " + path + " failed", e);
        }
    }
}
