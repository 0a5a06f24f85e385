package org.chargingmanager.device.definition.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.Locale;
import java.util.OptionalDouble;

import org.chargingmanager.device.definition.internal.DeviceDefinition.ValueSpec;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;

/**
 * A defined device over HTTP: GETs the status path and reads the values by JSON path ({@code nrg[11]},
 * {@code em.a_act_power}, {@code [0].power}); numbers, numeric strings and booleans (1/0) are values. Set-points are
 * GETs of the definition's paths, {@code {amps}} replaced by the current.
 */
final class HttpAccess implements DeviceAccess {

    private final DeviceDefinition definition;
    private final URI baseUri;
    private final Duration timeout;
    private final HttpClient client;
    private boolean first = true;

    HttpAccess(DeviceDefinition definition, URI baseUri, Duration timeout) {
        this.definition = definition;
        this.baseUri = baseUri;
        this.timeout = timeout;
        this.client = HttpClient.newBuilder().connectTimeout(timeout).version(HttpClient.Version.HTTP_1_1).build();
    }

    @Override
    public Values read() throws AccessException {
        String body = get(definition.statusPath());
        JsonElement json;
        try {
            json = JsonParser.parseString(body);
        } catch (JsonParseException e) {
            throw new AccessException("the answer to " + definition.statusPath() + " is not JSON");
        }
        return quantity -> {
            ValueSpec spec = definition.values().get(quantity);
            if (spec == null) {
                return OptionalDouble.empty();
            }
            OptionalDouble raw = JsonPath.number(json, spec.source());
            return raw.isEmpty() ? raw : OptionalDouble.of(raw.getAsDouble() * spec.scale());
        };
    }

    @Override
    public void writeCurrent(double amps) throws AccessException {
        String value = amps == Math.rint(amps) ? Long.toString(Math.round(amps))
                : String.format(Locale.ROOT, "%.3f", amps);
        get(definition.setCurrent().replace("{amps}", value));
    }

    @Override
    public void writeEnable(boolean enabled) throws AccessException {
        String path = enabled ? definition.resume() : definition.pause();
        if (path != null) {
            get(path);
        }
    }

    @Override
    public boolean canPause() {
        return definition.pause() != null;
    }

    @Override
    public boolean reconnected() {
        return first;
    }

    @Override
    public void polled() {
        first = false;
    }

    @Override
    public String address() {
        return baseUri.toString();
    }

    private String get(String path) throws AccessException {
        HttpRequest request = HttpRequest.newBuilder(baseUri.resolve(path)).timeout(timeout).GET().build();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            if (response.statusCode() != 200) {
                throw new AccessException("HTTP " + response.statusCode() + " for " + request.uri().getPath());
            }
            return response.body();
        } catch (HttpTimeoutException e) {
            throw new AccessException("no answer within " + timeout.toMillis() + " ms");
        } catch (IOException e) {
            throw new AccessException("cannot reach it: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                    : e.getMessage()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AccessException("interrupted");
        }
    }
}
