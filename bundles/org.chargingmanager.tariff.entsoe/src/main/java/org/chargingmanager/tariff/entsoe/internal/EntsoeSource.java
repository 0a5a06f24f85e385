package org.chargingmanager.tariff.entsoe.internal;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;

import org.chargingmanager.api.tariff.PriceSlot;
import org.chargingmanager.tariff.HttpAnswers;
import org.chargingmanager.tariff.PriceSource;

/** The Transparency Platform's day-ahead prices (document type A44) of one bidding zone. */
final class EntsoeSource implements PriceSource {

    private static final Duration TIMEOUT = Duration.ofSeconds(20);
    private static final DateTimeFormatter PERIOD = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

    private final URI url;
    private final String securityToken;
    private final String biddingZone;
    private final Duration resolution;
    private final double chargesPerKilowattHour;
    private final double vatPercent;
    private final HttpClient client;

    EntsoeSource(URI url, String securityToken, String biddingZone, String resolution, double chargesPerKilowattHour,
            double vatPercent, HttpClient client) {
        if (securityToken.isBlank()) {
            throw new IllegalArgumentException("no security token is configured");
        }
        if (!biddingZone.matches("[0-9A-Z-]{16}")) {
            throw new IllegalArgumentException("'" + biddingZone + "' is not an EIC code of 16 characters");
        }
        if (!resolution.equals("PT15M") && !resolution.equals("PT60M")) {
            throw new IllegalArgumentException("the resolution is PT15M or PT60M, not '" + resolution + "'");
        }
        if (!(vatPercent >= 0) || !Double.isFinite(chargesPerKilowattHour)) {
            throw new IllegalArgumentException("VAT must be 0 % or more and the charges a number");
        }
        this.url = url;
        this.securityToken = securityToken;
        this.biddingZone = biddingZone;
        this.resolution = Duration.parse(resolution);
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
        String query = "securityToken=" + URLEncoder.encode(securityToken, StandardCharsets.UTF_8)
                + "&documentType=A44&in_Domain=" + URLEncoder.encode(biddingZone, StandardCharsets.UTF_8)
                + "&out_Domain=" + URLEncoder.encode(biddingZone, StandardCharsets.UTF_8)
                + "&periodStart=" + PERIOD.format(start) + "&periodEnd=" + PERIOD.format(end);
        URI request = URI.create(url + (url.getRawQuery() == null ? "?" : "&") + query);
        return HttpAnswers.body(client.send(HttpRequest.newBuilder(request).timeout(TIMEOUT).GET().build(),
                HttpResponse.BodyHandlers.ofString()));
    }

    @Override
    public List<PriceSlot> parse(String answer) {
        return EntsoePrices.parse(answer, resolution, chargesPerKilowattHour, vatPercent);
    }
}
