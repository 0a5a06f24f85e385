package org.chargingmanager.tariff.awattar.internal;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.tariff.HttpAnswers;
import org.chargingmanager.tariff.PriceSource;

/** aWATTar's market data API: asks for two hours back to two days ahead. */
final class AwattarSource implements PriceSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(15);

    private final URI url;
    private final double chargesPerKilowattHour;
    private final double vatPercent;
    private final HttpClient client;

    AwattarSource(URI url, double chargesPerKilowattHour, double vatPercent, HttpClient client) {
        this.url = url;
        this.chargesPerKilowattHour = chargesPerKilowattHour;
        this.vatPercent = vatPercent;
        this.client = client;
    }

    @Override
    public String name() {
        return url.getHost();
    }

    @Override
    public String fetch(Instant now) throws IOException, InterruptedException {
        Instant start = now.truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(2));
        Instant end = start.plus(Duration.ofHours(50));
        URI request = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + "start=" + start.toEpochMilli()
                + "&end=" + end.toEpochMilli());
        return HttpAnswers.body(client.send(HttpRequest.newBuilder(request).timeout(TIMEOUT)
                .header("Accept", "application/json").GET().build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Override
    public List<PriceSlot> parse(String answer) {
        return AwattarPrices.parse(answer, chargesPerKilowattHour, vatPercent);
    }
}
